import { closeSync, openSync, readSync } from 'node:fs'

/** How much of a file's start is read to tell NDJSON from another format. */
const SNIFF_BYTES = 1 << 20

/**
 * True when a file plainly is not NDJSON: none of its first `lines` non-empty lines (those that
 * end within its first MiB, or all of a shorter file) is a JSON value. A CSV, a JSON array
 * spread over lines, or any text given by mistake would otherwise become thousands of rejected
 * records in the partner's statistics; a real NDJSON file with a few broken lines passes, and
 * its broken lines are rejected one by one as the spec says. False when nothing can be read.
 */
export function plainlyNotNdjson(path: string, lines = 100): boolean {
  let text: string
  let whole: boolean
  try {
    const fd = openSync(path, 'r')
    try {
      const buffer = Buffer.alloc(SNIFF_BYTES)
      const read = readSync(fd, buffer, 0, SNIFF_BYTES, 0)
      whole = read < SNIFF_BYTES
      text = buffer
        .subarray(0, read)
        .toString('utf8')
        .replace(/^\uFEFF/, '')
    } finally {
      closeSync(fd)
    }
  } catch {
    return false
  }
  const all = text.split('\n')
  // The last piece may be a line cut by the buffer's end.
  const complete = whole ? all : all.slice(0, -1)
  const candidates = complete.filter((l) => l.trim() !== '').slice(0, lines)
  if (candidates.length === 0) return false
  return candidates.every((line) => {
    try {
      JSON.parse(line)
      return false
    } catch {
      return true
    }
  })
}
