import { describe, expect, it } from 'vitest'
import { MAX_LINE_BYTES, NOT_UTF8_LINE, TOO_LONG_LINE } from '../lib/lines.ts'
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

  it('gives a line that is not UTF-8 as NOT_UTF8_LINE with its first bad byte, the others as text', async () => {
    const bytes = (parts: (string | number[])[]) =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (const p of parts)
            controller.enqueue(typeof p === 'string' ? new TextEncoder().encode(p) : Uint8Array.from(p))
          controller.close()
        },
      })
    const out = []
    // "Hélène" in Windows-1252 (é = 0xE9, è = 0xE8), then a UTF-8 "é" cut between two chunks,
    // then a real U+FFFD sent as UTF-8.
    for await (const line of ndjsonLines(
      bytes([
        '{"n":"H',
        [0xe9],
        'l',
        [0xe8],
        'ne"}\n{"n":"',
        [0xc3],
        [0xa9, 0x22, 0x7d, 0x0a],
        '{"n":"\uFFFD"}',
      ]),
    ))
      out.push(line)
    expect(out).toEqual([
      {
        text: `${NOT_UTF8_LINE}the line is not valid UTF-8 (byte 0xE9 at byte 8 of the line): the file must be UTF-8; one saved as Windows-1252 or Latin-1 needs converting first (iconv -f WINDOWS-1252 -t UTF-8)`,
        number: 1,
      },
      { text: '{"n":"é"}', number: 2 },
      { text: '{"n":"\uFFFD"}', number: 3 },
    ])
  })

  it('drops a byte order mark cut between chunks, and keeps one inside the stream as text', async () => {
    const parts = [[0xef], [0xbb, 0xbf, 0x31, 0x0a], [0xef, 0xbb, 0xbf, 0x32]]
    const out = []
    for await (const line of ndjsonLines(
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (const p of parts) controller.enqueue(Uint8Array.from(p))
          controller.close()
        },
      }),
    ))
      out.push(line)
    expect(out).toEqual([
      { text: '1', number: 1 },
      { text: '\uFEFF2', number: 2 },
    ])
  })
})
