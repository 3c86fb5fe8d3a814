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
 * Streams the lines of a UTF-8 file from a byte offset, with their end offsets, so that an import
 * can record exactly where it stopped and resume there. Memory is bounded by the longest line.
 * A byte order mark opening the file is dropped (Windows tools write one), as the API's decoder
 * drops it from a request body; offsets still count its bytes.
 */
export async function* readLines(path: string, start = 0, firstNumber = 1): AsyncGenerator<Line> {
  let pending: Buffer[] = []
  let offset = start
  let number = firstNumber
  let stripBom = start === 0
  const text = (bytes: Buffer) => {
    const line = stripCr(bytes.toString('utf8'))
    if (!stripBom) return line
    stripBom = false
    return line.startsWith('\uFEFF') ? line.slice(1) : line
  }
  for await (const chunk of createReadStream(path, {
    start,
    highWaterMark: 1 << 20,
  }) as AsyncIterable<Buffer>) {
    let from = 0
    for (let at = chunk.indexOf(NEWLINE); at !== -1; at = chunk.indexOf(NEWLINE, from)) {
      const piece = chunk.subarray(from, at)
      const bytes = pending.length > 0 ? Buffer.concat([...pending, piece]) : piece
      pending = []
      offset += at - from + 1
      yield { text: text(bytes), number: number++, end: offset }
      from = at + 1
    }
    if (from < chunk.length) pending.push(Buffer.from(chunk.subarray(from)))
    else if (pending.length === 0) pending = []
  }
  if (pending.length > 0) {
    const bytes = Buffer.concat(pending)
    offset += bytes.length
    yield { text: text(bytes), number, end: offset }
  }
}

function stripCr(text: string): string {
  return text.endsWith('\r') ? text.slice(0, -1) : text
}
