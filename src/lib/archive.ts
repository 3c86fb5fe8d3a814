import { closeSync, openSync, readSync } from 'node:fs'

/** Compressed formats a partner may send by mistake, by their first bytes. */
const ARCHIVES: readonly [string, readonly number[]][] = [
  ['gzip', [0x1f, 0x8b]],
  ['zip', [0x50, 0x4b, 0x03, 0x04]],
  ['bzip2', [0x42, 0x5a, 0x68]],
  ['xz', [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]],
  ['zstd', [0x28, 0xb5, 0x2f, 0xfd]],
]

/**
 * The archive format of a file (`gzip`, `zip`, …) by its first bytes, or undefined when it is not
 * one (or cannot be read: the caller's read then says why). Read as text, an archive would become
 * lines of garbage, each refused on its own.
 */
export function archiveKind(path: string): string | undefined {
  let head: Buffer
  try {
    const fd = openSync(path, 'r')
    try {
      const buffer = Buffer.alloc(6)
      head = buffer.subarray(0, readSync(fd, buffer, 0, 6, 0))
    } finally {
      closeSync(fd)
    }
  } catch {
    return undefined
  }
  return ARCHIVES.find(([, magic]) => magic.every((byte, i) => head[i] === byte))?.[0]
}
