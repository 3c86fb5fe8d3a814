/** Splits a byte stream into text lines as they arrive, with 1-based line numbers. */
export async function* ndjsonLines(
  body: ReadableStream<Uint8Array>,
): AsyncGenerator<{ text: string; number: number }> {
  const decoder = new TextDecoder()
  let pending = ''
  let number = 0
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    pending += decoder.decode(chunk, { stream: true })
    let at = pending.indexOf('\n')
    while (at !== -1) {
      number++
      yield { text: pending.slice(0, at).replace(/\r$/, ''), number }
      pending = pending.slice(at + 1)
      at = pending.indexOf('\n')
    }
  }
  pending += decoder.decode()
  if (pending.length > 0) yield { text: pending.replace(/\r$/, ''), number: number + 1 }
}
