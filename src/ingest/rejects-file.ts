/**
 * The rejects file of `passerelle import`: each refused line of the partner's file with its
 * findings, as NDJSON. It holds identities (NIRs, names), so it is readable by its owner only.
 * @module
 */
import { closeSync, fchmodSync, fsyncSync, ftruncateSync, openSync, writeSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Kysely } from 'kysely'
import type { Database } from '../db/database.ts'
import { ensureFolder } from '../lib/ensure-folder.ts'
import { readLines, TOO_LONG_LINE } from '../lib/lines.ts'
import { storedFindings } from './findings.ts'
import { IngestError } from './ingest-error.ts'
import type { RecordResult } from './outcome.ts'

/**
 * Opens the rejects file empty, for appending. A resumed import writes the part committed before
 * again (`writeStoredRejects`), so lines of a batch that never committed are gone, and a first run
 * without `--rejects` or with another file loses nothing.
 */
export function openRejects(path: string): number {
  let fd: number
  // Not mkdir's recursive mode: under /proc it loops for good (src/lib/ensure-folder.ts).
  const folder = ensureFolder(dirname(path))
  if (folder !== null) throw new IngestError(`cannot write the rejects file ${path}: ${folder}`)
  try {
    fd = openSync(path, 'a+', 0o600)
    fchmodSync(fd, 0o600)
  } catch (error) {
    throw new IngestError(
      `cannot write the rejects file ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    )
  }
  ftruncateSync(fd, 0)
  return fd
}

// One line of the rejects file: where the line was, what the hub found, and the record as sent
// (parsed when it is JSON, else its text; a line too long to read is not written back either).
function rejectLine(
  r: Pick<RecordResult, 'index' | 'type' | 'id' | 'outcome' | 'errors'>,
  text: string,
): string {
  let record: unknown = text === TOO_LONG_LINE ? null : text
  try {
    record = JSON.parse(text)
  } catch {
    // kept as the raw text
  }
  return `${JSON.stringify({ line: r.index, type: r.type, id: r.id, outcome: r.outcome, errors: r.errors, record })}\n`
}

/** Appends a batch's refused lines. */
export function writeRejects(fd: number, results: readonly RecordResult[], texts: Map<number, string>): void {
  let written = 0
  for (const r of results) if (r.errors) written += writeSync(fd, rejectLine(r, texts.get(r.index) ?? ''))
  if (written > 0) fsyncSync(fd)
}

/**
 * Appends the rejected lines of a transmission from the findings the hub kept of it (rejected
 * records keep their line and findings, never their content) and the lines of the same file, read
 * again: its SHA-256 is the one imported. With `beforeLine`, only the lines before it: the part an
 * interrupted import committed. Returns the number of lines written.
 */
export async function writeStoredRejects(
  db: Kysely<Database>,
  fd: number,
  transmissionId: number,
  path: string,
  beforeLine = Number.POSITIVE_INFINITY,
): Promise<number> {
  const rows = await db
    .selectFrom('rejected_record')
    .select(['position', 'record_type', 'record_id', 'outcome', 'errors'])
    .where('transmission_id', '=', transmissionId)
    .where('position', '<', Number.isFinite(beforeLine) ? beforeLine : 2 ** 31 - 1)
    .orderBy('position')
    .execute()
  const byLine = new Map(rows.map((r) => [r.position, r]))
  let lines = 0
  if (byLine.size > 0)
    for await (const line of readLines(path)) {
      if (line.number >= beforeLine) break
      const r = byLine.get(line.number)
      if (!r) continue
      const errors = storedFindings(r.errors)
      const result = { index: r.position, type: r.record_type, id: r.record_id, outcome: r.outcome, errors }
      writeSync(fd, rejectLine(result as RecordResult, line.text))
      lines++
    }
  fsyncSync(fd)
  return lines
}

/** Writes the rejects file of a file imported before, whole (`writeStoredRejects`); returns its lines. */
export async function rewriteRejects(
  db: Kysely<Database>,
  transmissionId: number,
  path: string,
  rejectsPath: string,
): Promise<number> {
  const fd = openRejects(rejectsPath)
  try {
    return await writeStoredRejects(db, fd, transmissionId, path)
  } finally {
    closeSync(fd)
  }
}
