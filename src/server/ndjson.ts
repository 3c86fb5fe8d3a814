import { MAX_LINE_BYTES, NOT_UTF8_LINE, TOO_LONG_LINE } from '../lib/lines.ts'
import { invalidUtf8At, invalidUtf8Message } from '../lib/utf8.ts'

const NEWLINE = 0x0a
const CR = 0x0d
const BOM = [0xef, 0xbb, 0xbf]

/**
 * Splits a byte stream into text lines as they arrive, with 1-based line numbers. The bytes are
 * split at newlines before decoding (a newline byte is never inside a UTF-8 sequence), so that a
 * line that is not UTF-8 is told apart: it is given as NOT_UTF8_LINE with what is wrong, which the
 * record parser refuses (`record/invalid-utf8`, as `passerelle import` does), instead of text
 * holding U+FFFD. A line longer than MAX_LINE_BYTES is not kept: it is read past and given as
 * TOO_LONG_LINE. A byte order mark opening the stream is dropped.
 */
export async function* ndjsonLines(
  body: ReadableStream<Uint8Array>,
): AsyncGenerator<{ text: string; number: number }> {
  // ignoreBOM: a BOM inside the stream is text like any other; the opening one is dropped below.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true })
  let parts: Uint8Array[] = []
  let pendingBytes = 0
  let tooLong = false
  let number = 0
  let opening = true
  const line = (bytes: Uint8Array): string => {
    const long = tooLong || bytes.length > MAX_LINE_BYTES
    tooLong = false
    if (long) return TOO_LONG_LINE
    const end = bytes.length > 0 && bytes[bytes.length - 1] === CR ? bytes.length - 1 : bytes.length
    const text = decoder.decode(bytes.subarray(0, end))
    if (!text.includes('\uFFFD')) return text
    const bad = invalidUtf8At(bytes.subarray(0, end))
    return bad === -1 ? text : `${NOT_UTF8_LINE}${invalidUtf8Message(bytes[bad]!, bad)}`
  }
  const take = (tail: Uint8Array) => (parts.length === 0 ? tail : Buffer.concat([...parts, tail]))
  for await (let chunk of body as unknown as AsyncIterable<Uint8Array>) {
    if (opening) {
      // The mark may be cut between chunks: wait for its three bytes.
      const head = take(chunk)
      if (head.length < BOM.length && BOM.slice(0, head.length).every((b, i) => head[i] === b)) {
        parts = [head]
        pendingBytes = head.length
        continue
      }
      opening = false
      chunk = BOM.every((b, i) => head[i] === b) ? head.subarray(BOM.length) : head
      parts = []
      pendingBytes = 0
    }
    let start = 0
    let at = chunk.indexOf(NEWLINE)
    while (at !== -1) {
      number++
      yield { text: line(take(chunk.subarray(start, at))), number }
      parts = []
      pendingBytes = 0
      start = at + 1
      at = chunk.indexOf(NEWLINE, start)
    }
    if (start < chunk.length) {
      parts.push(chunk.subarray(start))
      pendingBytes += chunk.length - start
    }
    if (pendingBytes > MAX_LINE_BYTES) {
      tooLong = true
      parts = []
      pendingBytes = 0
    }
  }
  const rest = take(new Uint8Array(0))
  const tail = opening && BOM.every((b, i) => rest[i] === b) ? rest.subarray(BOM.length) : rest
  if (tail.length > 0 || tooLong) yield { text: line(tail), number: number + 1 }
}
