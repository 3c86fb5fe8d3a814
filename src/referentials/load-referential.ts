import { basename } from 'node:path'
import type { Kysely } from 'kysely'
import type { Database } from '../db/database.ts'
import { type Finding, finding } from '../ingest/findings.ts'
import { archiveKind } from '../lib/archive.ts'
import { loadCodeLists } from '../reference/code-lists.ts'
import { certifyIdentities } from './certify-identities.ts'
import { FindingList } from './finding-list.ts'
import { checkHeader } from './header.ts'
import type { ReferentialKind } from './kinds.ts'
import { parseLine } from './parse-line.ts'
import { type CsvRecord, readRecords } from './read-records.ts'
import { clearReferential, insertReferentialRows, recordReferentialLoad } from './referential.repository.ts'
import type { ParseContext, ReferentialSpec } from './spec.ts'
import { referentialSpecs } from './specs.ts'

/** What to load. */
export interface LoadOptions {
  readonly kind: ReferentialKind
  /** The CSV file. */
  readonly path: string
  /** HMAC key of person keys: required for `sngi` and `dsn`. */
  readonly secret?: string | null
  /** Load the valid lines even when others are bad (they are reported, and skipped). */
  readonly skipInvalid?: boolean
  /**
   * Refuse a file with its header and no data line (`referential/no-data-line`): loaded, it would
   * empty the referential, which a truncated export does by mistake far more often than on
   * purpose. The command line refuses unless the operator says `--allow-empty`; the demo's
   * generated files may hold no line (a tiny hub's DSN) and load as they are.
   */
  readonly refuseEmpty?: boolean
  /** How many findings the result lists (all are counted); 1000 by default. */
  readonly maxFindings?: number
  /** Rows per insert statement; 5000 by default. */
  readonly chunkSize?: number
}

/** The outcome of a load. */
export interface LoadResult {
  /** True when the file replaced the previous load; false when the previous load is kept. */
  readonly ok: boolean
  readonly kind: ReferentialKind
  /** Rows now in the table (0 when nothing changed). */
  readonly rows: number
  /** The findings, in line order, at most `maxFindings` of them. */
  readonly errors: Finding[]
  /** Every finding, including those not listed. */
  readonly errorCount: number
  /** Lines rejected (skipped, with `skipInvalid`). */
  readonly invalidLines: number
  /** After an SNGI load: how many current dossiers and CEP periods have a certified identity. */
  readonly certified?: number
}

/** Thrown inside the transaction to roll it back, carrying the result. */
class RollBack {
  constructor(readonly result: LoadResult) {}
}

interface Pending {
  readonly line: number
  readonly row: object
}

/**
 * Loads a referential CSV, replacing the previous load of its kind atomically: the header and
 * every line are checked; when any is bad nothing changes (unless `skipInvalid`) and the result
 * lists the bad lines; otherwise, in one transaction, the kind's rows are deleted, the new ones
 * inserted in chunks as the file streams (memory stays flat), and the load is recorded with the
 * file's SHA-256. After an SNGI load, identity certification is recomputed in the same
 * transaction. Never throws for bad input (only for database failures).
 * @example
 * const result = await loadReferential(db, { kind: 'organisms', path: 'organisms.csv' })
 * if (!result.ok) for (const e of result.errors) console.error(`${e.path}: ${e.message}`)
 */
export async function loadReferential(db: Kysely<Database>, options: LoadOptions): Promise<LoadResult> {
  const spec = referentialSpecs[options.kind]
  const findings = new FindingList(options.maxFindings ?? 1000)
  const secret = options.secret ?? ''
  if (spec.needsSecret && secret === '') {
    findings.add(0, [
      finding(
        'secret',
        'referential/secret-required',
        `${spec.kind} needs the hub secret (PASSERELLE_SECRET) to turn each nir into a person key`,
      ),
    ])
    return failed(spec, findings)
  }
  const context: ParseContext = { secret, communes: (await loadCodeLists()).communes }
  const archive = archiveKind(options.path)
  if (archive) {
    const message = `the file is a ${archive} archive, not a CSV file: extract it first`
    findings.add(0, [finding('file', 'referential/archive', message)])
    return failed(spec, findings)
  }
  const reader = readRecords(options.path)
  try {
    return await db.transaction().execute(async (tx) => {
      await clearReferential(tx, spec)
      const read = await readAndInsert(tx, spec, context, reader.records, findings, options)
      const noDataLine = read.complete && read.rows === 0 && findings.count === 0
      if (noDataLine && options.refuseEmpty === true) {
        findings.add(0, [
          finding(
            'file',
            'referential/no-data-line',
            `the file has its header and no data line: loading it would empty the ${spec.kind} referential (nothing was changed; to empty it on purpose, load it with --allow-empty)`,
          ),
        ])
      }
      const usable =
        read.complete && (findings.count === 0 || (options.skipInvalid === true && read.rows > 0))
      if (!usable) {
        if (read.complete && options.skipInvalid === true && read.rows === 0 && !noDataLine) {
          findings.add(0, [finding('file', 'referential/no-valid-line', 'no line is valid: nothing to load')])
        }
        throw new RollBack(failed(spec, findings))
      }
      const certified = spec.kind === 'sngi' ? await certifyIdentities(tx) : undefined
      await recordReferentialLoad(tx, {
        kind: spec.kind,
        file: basename(options.path),
        fileSha256: reader.sha256(),
        rows: read.rows,
      })
      return {
        ok: true,
        kind: spec.kind,
        rows: read.rows,
        errors: findings.list(),
        errorCount: findings.count,
        invalidLines: findings.lineCount,
        ...(certified === undefined ? {} : { certified }),
      }
    })
  } catch (error) {
    if (error instanceof RollBack) return error.result
    throw error
  } finally {
    reader.close()
  }
}

function failed(spec: ReferentialSpec, findings: FindingList): LoadResult {
  return {
    ok: false,
    kind: spec.kind,
    rows: 0,
    errors: findings.list(),
    errorCount: findings.count,
    invalidLines: findings.lineCount,
  }
}

/**
 * Reads the file and inserts its valid rows chunk by chunk. `complete` is false when the file
 * could not be read to its end (missing, malformed CSV, bad header): such a load never applies.
 * Rows keep being inserted after a bad line, so that duplicate keys are found in the whole file.
 */
async function readAndInsert(
  tx: Kysely<Database>,
  spec: ReferentialSpec,
  context: ParseContext,
  records: AsyncIterable<CsvRecord>,
  findings: FindingList,
  options: LoadOptions,
): Promise<{ complete: boolean; rows: number }> {
  const chunkSize = options.chunkSize ?? 5000
  let header: readonly string[] | null = null
  let pending: Pending[] = []
  let rows = 0
  const flush = async () => {
    if (pending.length === 0) return
    rows += await insertChunk(tx, spec, pending, findings)
    pending = []
  }
  const iterator = records[Symbol.asyncIterator]()
  for (;;) {
    // Only reading errors become findings: a database error from a flush is thrown as is.
    let next: IteratorResult<CsvRecord>
    try {
      next = await iterator.next()
    } catch (error) {
      findings.add(0, [readFailure(error)])
      return { complete: false, rows }
    }
    if (next.done) break
    const record = next.value
    if (header === null) {
      if (record.invalidUtf8 !== undefined) {
        findings.add(0, [finding(`line ${record.line}`, 'referential/invalid-utf8', record.invalidUtf8)])
        return { complete: false, rows }
      }
      header = record.fields
      const problems = checkHeader(header, spec.header, record.line)
      if (problems.length > 0) {
        findings.add(0, problems)
        return { complete: false, rows }
      }
      continue
    }
    // Its fields would hold U+FFFD where the file has accented letters: stored, the damage would
    // not show until a name or a title is read.
    if (record.invalidUtf8 !== undefined) {
      findings.add(record.line, [
        finding(`line ${record.line}`, 'referential/invalid-utf8', record.invalidUtf8),
      ])
      continue
    }
    if (record.fields.length !== header.length) {
      findings.add(record.line, [
        finding(
          `line ${record.line}`,
          'referential/field-count',
          `${record.fields.length} fields where the header has ${header.length}`,
        ),
      ])
      continue
    }
    const values: Record<string, string> = {}
    header.forEach((column, i) => {
      values[column] = record.fields[i] ?? ''
    })
    const { row, findings: problems } = parseLine(spec, record.line, values, context)
    if (row === null) {
      findings.add(record.line, problems)
      continue
    }
    pending.push({ line: record.line, row })
    if (pending.length >= chunkSize) await flush()
  }
  if (header === null) {
    findings.add(0, [
      finding(
        'line 1',
        'referential/empty-file',
        `the file is empty (expected a header: ${spec.header.join(',')})`,
      ),
    ])
    return { complete: false, rows }
  }
  await flush()
  return { complete: true, rows }
}

/** Inserts a chunk; reports the lines whose key an earlier line already had. Returns the rows inserted. */
async function insertChunk(
  tx: Kysely<Database>,
  spec: ReferentialSpec,
  pending: readonly Pending[],
  findings: FindingList,
): Promise<number> {
  const inserted = await insertReferentialRows(
    tx,
    spec,
    pending.map((p) => p.row),
  )
  if (inserted === null || spec.unique === null) return pending.length
  // Rows are inserted in array order, so the first line with a key is the one that got in.
  const unclaimed = new Set(inserted)
  const { column, csvColumn, showValue } = spec.unique
  for (const p of pending) {
    const key = String((p.row as Record<string, unknown>)[column])
    if (unclaimed.delete(key)) continue
    const shown = showValue ? `${csvColumn} "${key}"` : csvColumn
    findings.add(p.line, [
      finding(
        `line ${p.line}, column ${csvColumn}`,
        'referential/duplicate-key',
        `${shown} is on an earlier line too (one line per ${csvColumn})`,
      ),
    ])
  }
  return inserted.length
}

/** What csv-parse's failures mean, in the words of a CSV's writer. */
const CSV_FAILURES: Readonly<Record<string, string>> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted field is never closed',
  INVALID_OPENING_QUOTE: 'a quote opens in the middle of a field (is it a CSV file?)',
  CSV_INVALID_OPENING_QUOTE: 'a quote opens in the middle of a field (is it a CSV file?)',
  CSV_INVALID_CLOSING_QUOTE: 'a character follows the quote that closes a field',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'a character follows the quote that closes a field',
}

/**
 * A read failure as a finding; csv-parse messages may quote a field (an identity, in SNGI), so
 * only its code is kept, with its meaning.
 */
function readFailure(error: unknown): Finding {
  const e = (error ?? {}) as { code?: unknown; lines?: unknown }
  const code = typeof e.code === 'string' ? e.code : 'unknown'
  // csv-parse names most of its failures CSV_…, but not all (INVALID_OPENING_QUOTE); each has a line.
  if (code.startsWith('CSV_') || code in CSV_FAILURES) {
    const line = typeof e.lines === 'number' ? e.lines : 0
    const meaning = CSV_FAILURES[code]
    return finding(
      `line ${line}`,
      'referential/malformed-csv',
      `the CSV cannot be read from here${meaning ? `: ${meaning}` : ''} (${code})`,
    )
  }
  return finding('file', 'referential/unreadable-file', `the file cannot be read (${code})`)
}
