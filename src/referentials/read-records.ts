import { createHash } from 'node:crypto'
import { createReadStream, type ReadStream } from 'node:fs'
import { Transform } from 'node:stream'
import { type Parser, parse } from 'csv-parse'
import { type InvalidUtf8Line, utf8LineCheck } from '../lib/utf8.ts'

/** One CSV record as read: the line it ends on and its fields, in file order. */
export interface CsvRecord {
  readonly line: number
  readonly fields: readonly string[]
  /**
   * Why the record is not text, when a line of it holds bytes that are not UTF-8 (a file saved
   * as Windows-1252): its fields then hold U+FFFD where the file has accented letters.
   */
  readonly invalidUtf8?: string
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
 * a parse error. Fields are trimmed; blank lines are skipped. The file is hashed on the way, and
 * its bytes checked as UTF-8 (csv-parse decodes bad ones as U+FFFD without a word).
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
    // Lines with bad bytes, as the check (ahead of the parser) finds them: each goes to the first
    // record that ends on or after it, so the queue holds at most what the streams buffer.
    const invalid: InvalidUtf8Line[] = []
    const checking = utf8LineCheck((line) => invalid.push(line))
    const hashing = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk)
        done(null, chunk)
      },
    })
    // pipe() does not forward errors: without this a missing file would leave the reader waiting.
    source.on('error', (error) => csv.destroy(error))
    source.pipe(hashing).pipe(checking).pipe(csv)
    for await (const { record, info } of csv as AsyncIterable<{
      record: string[]
      info: { lines: number }
    }>) {
      let message: string | undefined
      while (invalid.length > 0 && invalid[0]!.line <= info.lines) {
        const bad = invalid.shift()!
        message ??= bad.message
      }
      yield message === undefined
        ? { line: info.lines, fields: record }
        : { line: info.lines, fields: record, invalidUtf8: message }
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
