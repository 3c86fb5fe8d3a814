/**
 * Telling UTF-8 from the other encodings partners' tools write (Windows-1252, Latin-1): decoded as
 * UTF-8, their accented letters silently become U+FFFD, and the hub would store the damage.
 * @module
 */
import { isUtf8 } from 'node:buffer'
import { Transform } from 'node:stream'

/**
 * The index of the first byte of `bytes` that does not start a valid UTF-8 sequence (the WHATWG
 * decoder's rules: no overlong form, no surrogate, nothing above U+10FFFF, no cut sequence), or
 * -1 when all of it is valid.
 */
export function invalidUtf8At(bytes: Uint8Array): number {
  // A valid buffer, the common case, is checked natively.
  if (isUtf8(bytes)) return -1
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i]!
    if (b < 0x80) {
      i++
      continue
    }
    const more = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0
    if (more === 0) return i
    // The second byte's range is narrower after these leads: it is what rules out the overlong
    // forms, the surrogates and what lies above U+10FFFF.
    const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80
    const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf
    for (let k = 1; k <= more; k++) {
      const c = bytes[i + k]
      if (c === undefined || c < (k === 1 ? low : 0x80) || c > (k === 1 ? high : 0xbf)) return i
    }
    i += more + 1
  }
  return -1
}

/**
 * What to say of a line (or, for the API's JSON array, the `body`) that is not UTF-8: where its
 * first bad byte is (`byte`, at 0-based `position`) and what to do. The byte alone is shown,
 * never the text around it (an identity, in some files).
 */
export function invalidUtf8Message(byte: number, position: number, unit: 'line' | 'body' = 'line'): string {
  const hex = byte.toString(16).toUpperCase().padStart(2, '0')
  const sent =
    unit === 'line' ? 'the file must be UTF-8; one saved' : 'records must be sent as UTF-8; text saved'
  return `the ${unit} is not valid UTF-8 (byte 0x${hex} at byte ${position + 1} of the ${unit}): ${sent} as Windows-1252 or Latin-1 needs converting first (iconv -f WINDOWS-1252 -t UTF-8)`
}

/** A physical line (1-based, as csv-parse counts them) holding bytes that are not UTF-8. */
export interface InvalidUtf8Line {
  readonly line: number
  readonly message: string
}

const NEWLINE = 0x0a

// Past this, the unfinished line is checked as far as it can be: a file without newlines would
// otherwise be copied again whole at every chunk.
const MAX_CARRIED = 1 << 20

/**
 * Where the bytes of an unfinished line can be cut without cutting a sequence: before the last
 * sequence when it is incomplete, else at the end.
 */
function safeCut(bytes: Uint8Array): number {
  for (let i = bytes.length - 1; i >= Math.max(0, bytes.length - 3); i--) {
    const b = bytes[i]!
    if (b >= 0x80 && b <= 0xbf) continue
    const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1
    return i + length > bytes.length ? i : bytes.length
  }
  return bytes.length
}

/**
 * A pass-through stream that notes the lines holding bytes that are not UTF-8, for a CSV parser
 * downstream: it decodes them as U+FFFD without a word. Chunks that are valid whole (the common
 * case) are checked natively and their newlines counted; only a chunk with a bad byte is split
 * into lines. `onInvalid` hears of each such line, in order, before the parser reads it.
 */
export function utf8LineCheck(onInvalid: (line: InvalidUtf8Line) => void): Transform {
  let line = 1
  // The bytes of the unfinished line not checked yet (a sequence may be cut between two chunks),
  // how many of its bytes came before them, and what was found in those.
  let rest: Buffer = Buffer.alloc(0)
  let restOffset = 0
  let restFinding: string | null = null
  const checkLines = (whole: Buffer) => {
    if (restFinding === null && isUtf8(whole)) {
      for (let at = whole.indexOf(NEWLINE); at !== -1; at = whole.indexOf(NEWLINE, at + 1)) line++
      return
    }
    let from = 0
    while (from < whole.length) {
      const end = whole.indexOf(NEWLINE, from)
      const piece = whole.subarray(from, end === -1 ? whole.length : end)
      const offset = from === 0 ? restOffset : 0
      const bad = invalidUtf8At(piece)
      const message =
        from === 0 && restFinding !== null
          ? restFinding
          : bad === -1
            ? null
            : invalidUtf8Message(piece[bad]!, offset + bad)
      if (message !== null) onInvalid({ line, message })
      if (end === -1) break
      line++
      from = end + 1
    }
  }
  const carry = (bytes: Buffer) => {
    rest = Buffer.from(bytes)
    if (rest.length <= MAX_CARRIED) return
    const cut = safeCut(rest)
    const checked = rest.subarray(0, cut)
    const bad = restFinding === null ? invalidUtf8At(checked) : -1
    if (bad !== -1) restFinding = invalidUtf8Message(checked[bad]!, restOffset + bad)
    restOffset += cut
    rest = Buffer.from(rest.subarray(cut))
  }
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      const bytes = rest.length > 0 ? Buffer.concat([rest, chunk]) : chunk
      const last = bytes.lastIndexOf(NEWLINE)
      if (last === -1) carry(bytes)
      else {
        checkLines(bytes.subarray(0, last + 1))
        restOffset = 0
        restFinding = null
        carry(bytes.subarray(last + 1))
      }
      done(null, chunk)
    },
    flush(done) {
      if (rest.length > 0) checkLines(rest)
      else if (restFinding !== null) onInvalid({ line, message: restFinding })
      done()
    },
  })
}
