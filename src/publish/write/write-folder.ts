/**
 * The only I/O of the writers: puts a dataset's files under a folder through the caller's effect.
 * @module
 */
import { join } from 'node:path'
import type { DatasetFile } from './types.ts'

/** Writes bytes at an absolute path, creating its folders (e.g. `mkdir -p` then `writeFile`). */
export type WriteFileEffect = (path: string, bytes: Uint8Array) => Promise<void>

/**
 * Writes every file under `dir`, one after the other (in order, so that a failure leaves a
 * predictable prefix; the release step writes into a temporary folder anyway).
 *
 * @example
 * await writeDatasetFolder(dir, files, async (path, bytes) => {
 *   await mkdir(dirname(path), { recursive: true })
 *   await writeFile(path, bytes)
 * })
 */
export async function writeDatasetFolder(
  dir: string,
  files: readonly DatasetFile[],
  writeFile: WriteFileEffect,
): Promise<void> {
  for (const file of files) await writeFile(join(dir, ...file.path.split('/')), file.bytes)
}
