import { describe, expect, it } from 'vitest'
import { MAX_LINE_BYTES, TOO_LONG_LINE } from '../lib/lines.ts'
import { ndjsonLines } from './ndjson.ts'

function stream(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk))
      controller.close()
    },
  })
}

async function all(chunks: string[]) {
  const out = []
  for await (const line of ndjsonLines(stream(chunks))) out.push(line)
  return out
}

describe('ndjsonLines', () => {
  it('splits lines across chunks, drops a CR and a byte order mark opening the stream', async () => {
    expect(await all(['\uFEFF{"a"', ':1}\r\n{"b":2}\n', '{"c"', ':3}'])).toEqual([
      { text: '{"a":1}', number: 1 },
      { text: '{"b":2}', number: 2 },
      { text: '{"c":3}', number: 3 },
    ])
  })

  it('reads past a line longer than MAX_LINE_BYTES without keeping it, whatever its chunks', async () => {
    const piece = 'x'.repeat(MAX_LINE_BYTES / 2 + 1)
    expect(await all(['{"a":1}\n', piece, piece, piece, '\n{"b":2}\n', piece, piece])).toEqual([
      { text: '{"a":1}', number: 1 },
      { text: TOO_LONG_LINE, number: 2 },
      { text: '{"b":2}', number: 3 },
      { text: TOO_LONG_LINE, number: 4 },
    ])
  })
})
