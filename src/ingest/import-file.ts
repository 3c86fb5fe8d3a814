import { createHash } from 'node:crypto'
import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/database.ts'
import { archiveKind } from '../lib/archive.ts'
import { fileErrorReason } from '../lib/file-error.ts'
import { readLines } from '../lib/lines.ts'
import { plainlyNotNdjson } from '../lib/ndjson-sniff.ts'
import { invalidUtf8At, invalidUtf8Message } from '../lib/utf8.ts'
import { partnerByCode, unknownPartner } from '../partners/partner.repository.ts'
import { applyBatch, type BatchItem, type OutcomeCounts } from './apply-batch.ts'
import { finding } from './findings.ts'
import { IngestError } from './ingest-error.ts'
import type { Preparer } from './preparer.ts'
import { openRejects, rewriteRejects, writeRejects, writeStoredRejects } from './rejects-file.ts'

export { IngestError }

export interface ImportOptions {
  readonly partnerCode: string
  readonly path: string
  /** Where rejected lines go, with their errors (NDJSON); none when null. */
  readonly rejectsPath: string | null
  /** Validates and prepares the lines (on worker threads in the command line). */
  readonly preparer: Preparer
  /** The hub's date, for the rules on dates. */
  readonly today: string
  readonly batchSize?: number
  /** Stops at the next batch boundary; the import resumes there when run again. */
  readonly signal?: AbortSignal
  readonly onProgress?: (progress: ImportProgress) => void
  /**
   * Holds a session advisory lock on the partner's file for the whole import, on a connection of
   * its own, so that a second import of the same file at once is refused instead of working on
   * the same transmission (offsets and counts would race). For a PostgreSQL server (store kind
   * `pg`): the embedded store is one process's already (store-lock.ts), and its one connection
   * cannot be held apart.
   */
  readonly exclusive?: boolean
}

/** Advisory lock space of a file being imported (ingest 4242–4243, referentials 4245, publish 4246–4247). */
const FILE_LOCK_SPACE = 4248

export interface ImportProgress {
  readonly bytesDone: number
  readonly bytesTotal: number
  readonly records: number
  readonly elapsedMs: number
}

export interface ImportSummary {
  readonly transmissionId: number
  /** The partner whose file it is. */
  readonly partnerId: number
  readonly file: string
  readonly status: 'done' | 'interrupted'
  /** True when this run continued an interrupted one; counts are for the whole file. */
  readonly resumed: boolean
  /** True when the file had already been fully imported: nothing was done again. */
  readonly alreadyImported: boolean
  readonly counts: OutcomeCounts & { readonly records: number }
  readonly rejectedByCode: Readonly<Record<string, number>>
  readonly elapsedMs: number
  /** For a file already imported, the rejected lines written again from that import's findings. */
  readonly rejectsRewritten?: number
}

/** Lines read to tell a file that is not NDJSON at all from one with broken lines. */
const SNIFF_LINES = 100

interface PreparedBatch {
  readonly items: BatchItem[]
  readonly texts: Map<number, string>
  readonly end: number
  readonly nextLine: number
}

async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/** Lines read from the file for one batch, before preparation. */
interface ReadBatch {
  readonly numbers: readonly number[]
  readonly texts: readonly string[]
  /** Lines that are not UTF-8, refused here: the preparer never sees them. */
  readonly notText: readonly BatchItem[]
  readonly notTextTexts: ReadonlyMap<number, string>
  readonly end: number
  readonly nextLine: number
}

/** The file's lines from `start`, in batches of `options.batchSize` (default 2,000). */
async function* readBatches(
  path: string,
  start: number,
  firstLine: number,
  options: ImportOptions,
): AsyncGenerator<ReadBatch> {
  const size = options.batchSize ?? 2000
  let numbers: number[] = []
  let texts: string[] = []
  let notText: BatchItem[] = []
  let notTextTexts = new Map<number, string>()
  let end = start
  let nextLine = firstLine
  const take = (): ReadBatch => {
    const batch = { numbers, texts, notText, notTextTexts, end, nextLine }
    numbers = []
    texts = []
    notText = []
    notTextTexts = new Map()
    return batch
  }
  const file = openSync(path, 'r')
  try {
    for await (const line of readLines(path, start, firstLine)) {
      const from = end
      end = line.end
      nextLine = line.number + 1
      if (line.text.trim() === '') continue
      // A line decoded with U+FFFD in it is read again as bytes: a Windows-1252 file's accents
      // would otherwise be stored as U+FFFD. Valid lines (the millions) pay one includes().
      const bad = line.text.includes('\uFFFD') ? invalidUtf8Finding(file, from, end) : null
      if (bad) {
        notText.push({ index: line.number, result: { ok: false, type: null, id: null, errors: [bad] } })
        notTextTexts.set(line.number, line.text)
      } else {
        numbers.push(line.number)
        texts.push(line.text)
      }
      if (texts.length + notText.length >= size) yield take()
    }
  } finally {
    closeSync(file)
  }
  if (texts.length > 0 || notText.length > 0 || end > start) yield take()
}

/** Validates and prepares a batch's lines (on the preparer's threads). */
async function prepareBatch(read: ReadBatch, options: ImportOptions): Promise<PreparedBatch> {
  const results = await options.preparer.lines(read.texts as string[], options.today)
  const items = results.map((result, i) => ({ index: read.numbers[i]!, result }))
  return {
    items: read.notText.length === 0 ? items : [...items, ...read.notText].sort((a, b) => a.index - b.index),
    texts: new Map([
      ...read.notTextTexts,
      ...read.numbers.map((n, i): [number, string] => [n, read.texts[i]!]),
    ]),
    end: read.end,
    nextLine: read.nextLine,
  }
}

/** The finding of the line of bytes [from, to) of an open file, when they are not UTF-8. */
function invalidUtf8Finding(file: number, from: number, to: number) {
  const bytes = Buffer.alloc(to - from)
  readSync(file, bytes, 0, bytes.length, from)
  const at = invalidUtf8At(bytes)
  return at === -1 ? null : finding('', 'record/invalid-utf8', invalidUtf8Message(bytes[at]!, at))
}

/**
 * Imports a partner's NDJSON file with the same checks and version rules as the API. Streamed
 * (memory flat), one transaction per batch that also records where the file stands, so that an
 * import stopped at any point (Ctrl-C, kill -9) and run again continues where it committed:
 * nothing is lost or counted twice, and its rejects file holds every rejected line once: the
 * part committed before is written again from the findings the hub kept.
 */
export async function importFile(db: Kysely<Database>, options: ImportOptions): Promise<ImportSummary> {
  const started = Date.now()
  const partner = await partnerByCode(db, options.partnerCode)
  if (!partner)
    throw new IngestError(
      await unknownPartner(db, options.partnerCode, ' (add it with passerelle partners add)'),
    )
  const bytesTotal = readableFileSize(options.path)
  const sha256 = await fileSha256(options.path)
  if (!options.exclusive) return importHashed(db, options, partner.id, bytesTotal, sha256, started)
  const key = `${partner.id}:${sha256}`
  // A session lock, released by the server if this process dies (kill -9): the same command run
  // again takes it at once.
  return db.connection().execute(async (held) => {
    const { rows } = await sql<{
      ok: boolean
    }>`select pg_try_advisory_lock(${FILE_LOCK_SPACE}, hashtext(${key})) as ok`.execute(held)
    if (!rows[0]?.ok)
      throw new IngestError(
        `another passerelle import of ${basename(options.path)} for ${options.partnerCode} is under way: wait for it to end, or stop it (Ctrl-C) and run this one again; nothing was imported by this one`,
      )
    try {
      return await importHashed(db, options, partner.id, bytesTotal, sha256, started)
    } finally {
      await sql`select pg_advisory_unlock(${FILE_LOCK_SPACE}, hashtext(${key}))`.execute(held)
    }
  })
}

// The import proper, once the file is known and hashed (importFile).
async function importHashed(
  db: Kysely<Database>,
  options: ImportOptions,
  partnerId: number,
  bytesTotal: number,
  sha256: string,
  started: number,
): Promise<ImportSummary> {
  const partner = { id: partnerId }
  const existing = await db
    .selectFrom('transmission')
    .selectAll()
    .where('partner_id', '=', partner.id)
    .where('channel', '=', 'file')
    .where('file_sha256', '=', sha256)
    .executeTakeFirst()
  if (existing?.status === 'done') {
    // Nothing is imported again; the rejects asked for now are written from that import's findings.
    const rewritten = options.rejectsPath
      ? await rewriteRejects(db, existing.id, options.path, options.rejectsPath)
      : undefined
    return {
      ...(await summarise(db, existing.id, basename(options.path), false, true, started)),
      ...(rewritten === undefined ? {} : { rejectsRewritten: rewritten }),
    }
  }

  // A file given by mistake (a referential's CSV, a JSON array) would be thousands of rejected
  // records in the partner's statistics: refused whole, before anything is recorded. A file
  // already under way was let through when it started.
  // An empty file is a truncated export or the wrong file far more often than a partner with
  // nothing to send: refused, nothing recorded (an empty API batch records no transmission either).
  if (!existing && bytesTotal === 0)
    throw new IngestError(`${options.path} is empty (0 bytes): nothing was imported; is it the file meant?`)
  if (!existing && plainlyNotNdjson(options.path, SNIFF_LINES))
    throw new IngestError(
      `${options.path} is not NDJSON: none of its first ${SNIFF_LINES} lines is a JSON value (an NDJSON file holds one JSON record per line); nothing was imported`,
    )
  // Opened before the transmission is recorded: a rejects file that cannot be written refuses the
  // import with nothing recorded (it used to leave a transmission "running" that status listed).
  const rejects = options.rejectsPath ? openRejects(options.rejectsPath) : null
  let transmission: NonNullable<typeof existing>
  try {
    transmission =
      existing ??
      (await db
        .insertInto('transmission')
        .values({
          partner_id: partner.id,
          channel: 'file',
          source: basename(options.path),
          file_sha256: sha256,
          file_size: bytesTotal,
          finished_at: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow())
  } catch (error) {
    if (rejects !== null) closeSync(rejects)
    throw error
  }
  const transmissionId = Number(transmission.id)
  // A resumed import writes the rejects of the part already committed again, from what the hub
  // kept of them: the first run may have had no --rejects, or another file.
  if (rejects !== null && existing)
    await writeStoredRejects(db, rejects, transmissionId, options.path, transmission.line_number)
  let records = transmission.lines
  const context = { partnerId: partner.id, transmissionId }

  const commit = async (batch: PreparedBatch) => {
    const results = await applyBatch(db, context, batch.items, async (tx, batchResults) => {
      if (rejects) writeRejects(rejects, batchResults, batch.texts)
      await sql`update transmission set byte_offset = ${batch.end}, line_number = ${batch.nextLine},
        status = 'running' where id = ${transmissionId}`.execute(tx)
    })
    records += results.length
    options.onProgress?.({ bytesDone: batch.end, bytesTotal, records, elapsedMs: Date.now() - started })
  }

  let interrupted = false
  const batches = readBatches(
    options.path,
    Number(transmission.byte_offset),
    transmission.line_number || 1,
    options,
  )
  // The next batch is read and handed to the preparer before the current one is stored, so that
  // its validation overlaps the storing. On the embedded store, storing runs on this thread
  // without a turn of the event loop: a batch read or prepared meanwhile waited for its end
  // (the preparer's thread stood idle 7 s of the demo's 33 s import). Wrapped in an object, as
  // awaiting the read must not await the preparation.
  const readNext = async (): Promise<{ prepared: Promise<PreparedBatch> } | null> => {
    const read = await batches.next()
    if (read.done) return null
    const prepared = prepareBatch(read.value, options)
    // Awaited below, unless storing the batch before it fails: not an unhandled rejection then.
    prepared.catch(() => {})
    return { prepared }
  }
  try {
    let coming = await readNext()
    while (coming !== null) {
      const batch = await coming.prepared
      if (options.signal?.aborted) {
        interrupted = true
        break
      }
      coming = await readNext()
      await commit(batch)
    }
  } finally {
    try {
      // Closes the file when the loop ended early (interrupted, or a batch failed).
      await batches.return(undefined)
    } finally {
      if (rejects !== null) closeSync(rejects)
    }
  }
  await db
    .updateTable('transmission')
    // The database's clock, as summaries compare it with theirs (transmission.repository.ts).
    .set({ status: interrupted ? 'interrupted' : 'done', finished_at: sql`now()` })
    .where('id', '=', transmissionId)
    .execute()
  return summarise(db, transmissionId, basename(options.path), existing !== undefined, false, started)
}

/**
 * The size of the file to import, once it is known to be a readable regular file that is not an
 * archive: read as lines, a directory threw and an archive became lines of invalid JSON. A pipe,
 * a FIFO or a device (`/dev/stdin`) is refused too: the import hashes the file, then reads it from
 * the offset where it stopped, so it must be able to read it again from any byte; a pipe failed
 * with ESPIPE once its transmission was recorded, and a FIFO hung.
 */
function readableFileSize(path: string): number {
  let size: number
  try {
    // stat follows links: a link to a regular file is one.
    const stat = statSync(path)
    if (stat.isDirectory()) throw new IngestError(`${path} is a directory, not an NDJSON file`)
    if (!stat.isFile())
      throw new IngestError(
        `${path} is not a regular file (a pipe, a FIFO or a device): the import resumes an interrupted file by its byte offset, so it reads a file it can read again; write the stream to a file first (… > feed.ndjson) and import that file; nothing was imported`,
      )
    size = stat.size
    // Opened once, as a regular file only (a FIFO would block): a file it may not read is
    // refused here, with why, rather than half-way through hashing it.
    closeSync(openSync(path, 'r'))
  } catch (error) {
    if (error instanceof IngestError) throw error
    throw new IngestError(`cannot read ${path}: ${fileErrorReason(error)}; nothing was imported`)
  }
  const archive = archiveKind(path)
  if (archive)
    throw new IngestError(
      `${path} is a ${archive} archive, not an NDJSON file: extract it first (the import resumes by byte offset in the file it reads)`,
    )
  return size
}

async function summarise(
  db: Kysely<Database>,
  transmissionId: number,
  file: string,
  resumed: boolean,
  alreadyImported: boolean,
  started: number,
): Promise<ImportSummary> {
  const t = await db
    .selectFrom('transmission')
    .selectAll()
    .where('id', '=', transmissionId)
    .executeTakeFirstOrThrow()
  const { rows } = await sql<{ code: string; n: number }>`
    select e->>'code' as code, count(*)::int as n
    from rejected_record r, jsonb_array_elements(r.errors) e
    where r.transmission_id = ${transmissionId} group by 1 order by 2 desc, 1`.execute(db)
  return {
    transmissionId,
    partnerId: Number(t.partner_id),
    file,
    status: t.status === 'done' ? 'done' : 'interrupted',
    resumed,
    alreadyImported,
    counts: {
      records: t.lines,
      created: t.created,
      updated: t.updated,
      unchanged: t.unchanged,
      stale: t.stale,
      conflict: t.conflict,
      invalid: t.invalid,
    },
    rejectedByCode: Object.fromEntries(rows.map((r) => [r.code, r.n])),
    elapsedMs: Date.now() - started,
  }
}
