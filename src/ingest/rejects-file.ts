/**
 * The rejects file of `passerelle import`: each refused line of the partner's file with its
 * findings, as NDJSON. It holds identities (NIRs, names), so it is readable by its owner only.
 * @module
 */
import { closeSync, fchmodSync, fsyncSync, ftruncateSync, mkdirSync, openSync, writeSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Kysely } from 'kysely'
import type { Database } from '../db/database.ts'
import { readLines, TOO_LONG_LINE } from '../lib/lines.ts'
import { storedFindings } from './findings.ts'
import { IngestError } from './ingest-error.ts'
import type { RecordResult } from './outcome.ts'

/**
 * Opens the rejects file for appending, cut back to `keepBytes`: lines written by a batch whose
 * transaction never committed go, so that a resumed import writes them once.
 */
export function openRejects(path: string, keepBytes: number): number {
  let fd: number
  try {
    mkdirSync(dirname(path), { recursive: true })
    fd = openSync(path, 'a+', 0o600)
    fchmodSync(fd, 0o600)
  } catch (error) {
    throw new IngestError(
      `cannot write the rejects file ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    )
  }
  ftruncateSync(fd, keepBytes)
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

/** Appends a batch's refused lines; returns the bytes written (the import records them). */
export function writeRejects(
  fd: number,
  results: readonly RecordResult[],
  texts: Map<number, string>,
): number {
  let written = 0
  for (const r of results) if (r.errors) written += writeSync(fd, rejectLine(r, texts.get(r.index) ?? ''))
  if (written > 0) fsyncSync(fd)
  return written
}

/**
 * Writes the rejects file of a file imported before, from the findings the hub kept of that
 * import (rejected records keep their line and findings, never their content) and the lines of the
 * same file, read again: its SHA-256 is the one imported. With `beforeLine`, only the lines before
 * it: the part an interrupted import committed. Returns the lines and bytes written.
 */
export async function rewriteRejects(
  db: Kysely<Database>,
  transmissionId: number,
  path: string,
  rejectsPath: string,
  beforeLine = Number.POSITIVE_INFINITY,
): Promise<{ lines: number; bytes: number }> {
  const rows = await db
    .selectFrom('rejected_record')
    .select(['position', 'record_type', 'record_id', 'outcome', 'errors'])
    .where('transmission_id', '=', transmissionId)
    .where('position', '<', Number.isFinite(beforeLine) ? beforeLine : 2 ** 31 - 1)
    .orderBy('position')
    .execute()
  const byLine = new Map(rows.map((r) => [r.position, r]))
  const fd = openRejects(rejectsPath, 0)
  let lines = 0
  let bytes = 0
  try {
    if (byLine.size > 0)
      for await (const line of readLines(path)) {
        if (line.number >= beforeLine) break
        const r = byLine.get(line.number)
        if (!r) continue
        const errors = storedFindings(r.errors)
        const result = { index: r.position, type: r.record_type, id: r.record_id, outcome: r.outcome, errors }
        bytes += writeSync(fd, rejectLine(result as RecordResult, line.text))
        lines++
      }
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  return { lines, bytes }
}
