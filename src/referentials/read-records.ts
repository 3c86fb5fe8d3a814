import { createHash } from 'node:crypto'
import { createReadStream, type ReadStream } from 'node:fs'
import { Transform } from 'node:stream'
import { type Parser, parse } from 'csv-parse'

/** One CSV record as read: the line it ends on and its fields, in file order. */
export interface CsvRecord {
  readonly line: number
  readonly fields: readonly string[]
}

/** A referential file being read: its records (the header first), and its hash once fully read. */
export interface RecordReader {
  readonly records: AsyncIterable<CsvRecord>
  /** The SHA-256 of the bytes read so far, hex: the file's hash once `records` is exhausted. */
  sha256(): string
  /** Releases the file (when the reading stops early). */
  close(): void
}

/**
 * Streams a CSV file as field arrays rather than through `readCsv`'s objects: the loader needs the
 * header even when no line follows, and lines with a wrong field count as findings rather than as
 * a parse error. Fields are trimmed; blank lines are skipped. The file is hashed on the way.
 */
export function readRecords(path: string): RecordReader {
  const hash = createHash('sha256')
  let input: ReadStream | null = null
  let parser: Parser | null = null
  // The streams open on the first read: opened earlier, an error (missing file, bad quote) could be
  // emitted before anything listens, and crash the process instead of ending the iteration.
  async function* records(): AsyncGenerator<CsvRecord> {
    const source = createReadStream(path)
    const csv = parse({ bom: true, trim: true, skip_empty_lines: true, relax_column_count: true, info: true })
    input = source
    parser = csv
    const hashing = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk)
        done(null, chunk)
      },
    })
    // pipe() does not forward errors: without this a missing file would leave the reader waiting.
    source.on('error', (error) => csv.destroy(error))
    source.pipe(hashing).pipe(csv)
    for await (const { record, info } of csv as AsyncIterable<{
      record: string[]
      info: { lines: number }
    }>) {
      yield { line: info.lines, fields: record }
    }
  }
  return {
    records: records(),
    sha256: () => hash.copy().digest('hex'),
    close: () => {
      input?.destroy()
      parser?.destroy()
    },
  }
}
