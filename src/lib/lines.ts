import { createReadStream } from 'node:fs'

/** One line of a file and the byte offset just after it (where a resumed read starts). */
export interface Line {
  readonly text: string
  /** 1-based line number in the whole file. */
  readonly number: number
  readonly end: number
}

const NEWLINE = 0x0a

/**
 * The longest line read as a record: a record is a few kilobytes. A longer line is not kept in
 * memory: it is read past and given as {@link TOO_LONG_LINE}, which the record parser refuses.
 */
export const MAX_LINE_BYTES = 1 << 20

/** What a line longer than {@link MAX_LINE_BYTES} reads as: no line of JSON can start with NUL. */
export const TOO_LONG_LINE = '\u0000line too long'

/**
 * What a line that is not UTF-8 reads as, followed by what is wrong with it (`invalidUtf8Message`):
 * its text would hold U+FFFD where the sender wrote accented letters.
 */
export const NOT_UTF8_LINE = '\u0000not utf-8\u0000'

/**
 * Streams the lines of a UTF-8 file from a byte offset, with their end offsets, so that an import
 * can record exactly where it stopped and resume there. Memory is bounded by
 * {@link MAX_LINE_BYTES}. A byte order mark opening the file is dropped (Windows tools write one),
 * as the API's decoder drops it from a request body; offsets still count its bytes.
 */
export async function* readLines(path: string, start = 0, firstNumber = 1): AsyncGenerator<Line> {
  // The line being read, when it spans chunks: its bytes so far (all of them count in the offsets,
  // kept or not), and whether it has already outgrown MAX_LINE_BYTES.
  let pending: Buffer[] = []
  let pendingBytes = 0
  let tooLong = false
  let offset = start
  let number = firstNumber
  let stripBom = start === 0
  const text = (piece: Buffer): string => {
    const long = tooLong || pendingBytes + piece.length > MAX_LINE_BYTES
    const bytes = !long && pending.length > 0 ? Buffer.concat([...pending, piece]) : piece
    offset += pendingBytes + piece.length
    pending = []
    pendingBytes = 0
    tooLong = false
    const bom = stripBom
    stripBom = false
    if (long) return TOO_LONG_LINE
    const line = stripCr(bytes.toString('utf8'))
    return bom && line.startsWith('\uFEFF') ? line.slice(1) : line
  }
  for await (const chunk of createReadStream(path, {
    start,
    highWaterMark: 1 << 20,
  }) as AsyncIterable<Buffer>) {
    let from = 0
    for (let at = chunk.indexOf(NEWLINE); at !== -1; at = chunk.indexOf(NEWLINE, from)) {
      const line = text(chunk.subarray(from, at))
      offset += 1
      yield { text: line, number: number++, end: offset }
      from = at + 1
    }
    if (from < chunk.length) {
      const rest = chunk.subarray(from)
      pendingBytes += rest.length
      if (pendingBytes > MAX_LINE_BYTES) {
        tooLong = true
        pending = []
      } else pending.push(Buffer.from(rest))
    }
  }
  if (pendingBytes > 0) {
    const empty = Buffer.alloc(0)
    yield { text: text(empty), number, end: offset }
  }
}

function stripCr(text: string): string {
  return text.endsWith('\r') ? text.slice(0, -1) : text
}
