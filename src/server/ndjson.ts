import { MAX_LINE_BYTES, TOO_LONG_LINE } from '../lib/lines.ts'

/**
 * Splits a byte stream into text lines as they arrive, with 1-based line numbers. A line longer
 * than MAX_LINE_BYTES (counted in characters here, at least as many bytes) is not kept: it is read
 * past and given as TOO_LONG_LINE, which the record parser refuses.
 */
export async function* ndjsonLines(
  body: ReadableStream<Uint8Array>,
): AsyncGenerator<{ text: string; number: number }> {
  const decoder = new TextDecoder()
  let pending = ''
  let tooLong = false
  let number = 0
  const line = (text: string) => {
    const long = tooLong || text.length > MAX_LINE_BYTES
    tooLong = false
    return long ? TOO_LONG_LINE : text.replace(/\r$/, '')
  }
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    pending += decoder.decode(chunk, { stream: true })
    let at = pending.indexOf('\n')
    while (at !== -1) {
      number++
      yield { text: line(pending.slice(0, at)), number }
      pending = pending.slice(at + 1)
      at = pending.indexOf('\n')
    }
    if (pending.length > MAX_LINE_BYTES) {
      tooLong = true
      pending = ''
    }
  }
  pending += decoder.decode()
  if (pending.length > 0 || tooLong) yield { text: line(pending), number: number + 1 }
}
