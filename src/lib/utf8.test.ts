import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { describe, expect, it } from 'vitest'
import { type InvalidUtf8Line, invalidUtf8At, invalidUtf8Message, utf8LineCheck } from './utf8.ts'

const latin1 = (text: string) => Buffer.from(text, 'latin1')

describe('invalidUtf8At', () => {
  it('finds the first byte a fatal UTF-8 decoder refuses, -1 when all of it is UTF-8', () => {
    const cases: [string, Uint8Array][] = [
      ['valid', Buffer.from('Lycée Ampère, 𝄞 € \uFFFD')],
      ['Windows-1252 é', latin1('Lyc\u00e9e')],
      ['lone continuation', Uint8Array.of(0x41, 0x80)],
      ['overlong /', Uint8Array.of(0xc0, 0xaf)],
      ['overlong 3 bytes', Uint8Array.of(0x41, 0xe0, 0x80, 0xaf)],
      ['surrogate', Uint8Array.of(0xed, 0xa0, 0x80)],
      ['above U+10FFFF', Uint8Array.of(0xf4, 0x90, 0x80, 0x80)],
      ['cut at the end', Uint8Array.of(0x41, 0x42, 0xe2, 0x82)],
    ]
    expect(cases.map(([name, bytes]) => [name, invalidUtf8At(bytes)])).toEqual([
      ['valid', -1],
      ['Windows-1252 é', 3],
      ['lone continuation', 1],
      ['overlong /', 0],
      ['overlong 3 bytes', 1],
      ['surrogate', 0],
      ['above U+10FFFF', 0],
      ['cut at the end', 2],
    ])
    // The same verdict as the WHATWG decoder, fatal.
    const fatal = new TextDecoder('utf-8', { fatal: true })
    for (const [, bytes] of cases) {
      let valid = true
      try {
        fatal.decode(bytes)
      } catch {
        valid = false
      }
      expect(invalidUtf8At(bytes) === -1).toBe(valid)
    }
  })
})

async function invalidLines(chunks: readonly Buffer[]): Promise<InvalidUtf8Line[]> {
  const found: InvalidUtf8Line[] = []
  const passed: Buffer[] = []
  await pipeline(
    Readable.from(chunks),
    utf8LineCheck((l) => found.push(l)),
    async (source) => {
      for await (const chunk of source) passed.push(chunk as Buffer)
    },
  )
  expect(Buffer.concat(passed).equals(Buffer.concat(chunks))).toBe(true)
  return found
}

describe('utf8LineCheck', () => {
  it('names each line holding bytes that are not UTF-8, its first bad byte, and passes the bytes on unchanged', async () => {
    const file = Buffer.concat([
      Buffer.from('siret,name\n1,Lycée\n'),
      latin1('2,Lyc\u00e9e Amp\u00e8re\n'),
      Buffer.from('\n3,ok\n'),
      latin1('4,\u00e9'),
    ])
    expect(await invalidLines([file])).toEqual([
      { line: 3, message: invalidUtf8Message(0xe9, 5) },
      { line: 6, message: invalidUtf8Message(0xe9, 2) },
    ])
  })

  it('takes a sequence cut between two chunks for what it is, valid or not', async () => {
    const euro = Buffer.from('a\n€b\nc€\n') // € is E2 82 AC
    const chunks = [euro.subarray(0, 3), euro.subarray(3, 5), euro.subarray(5, 9), euro.subarray(9)]
    expect(await invalidLines(chunks)).toEqual([])
    const cut = Buffer.concat([Buffer.from('a\nb'), Uint8Array.of(0xe2, 0x82), Buffer.from('\nc\n')])
    expect(await invalidLines([cut.subarray(0, 4), cut.subarray(4)])).toEqual([
      { line: 2, message: invalidUtf8Message(0xe2, 1) },
    ])
  })

  it('checks a line longer than it carries, without losing where its bad byte is', async () => {
    const long = Buffer.alloc(3 << 20, 0x61)
    long[(2 << 20) + 5] = 0xe9
    const chunks = [Buffer.from('x\n')]
    for (let at = 0; at < long.length; at += 1 << 16) chunks.push(long.subarray(at, at + (1 << 16)))
    chunks.push(Buffer.from('\ny\n'))
    expect(await invalidLines(chunks)).toEqual([
      { line: 2, message: invalidUtf8Message(0xe9, (2 << 20) + 5) },
    ])
  })

  it('message names the byte and its place in the line, and what to do, never the text', () => {
    expect(invalidUtf8Message(0xe9, 4)).toBe(
      'the line is not valid UTF-8 (byte 0xE9 at byte 5 of the line): the file must be UTF-8; one saved as Windows-1252 or Latin-1 needs converting first (iconv -f WINDOWS-1252 -t UTF-8)',
    )
  })
})
