import type { ImportProgress } from '../ingest/import-file.ts'

/** One progress line: a bar, the share done, records, records/s and the time left. */
export function progressLine(p: ImportProgress, width = 24): string {
  const share = p.bytesTotal > 0 ? Math.min(1, p.bytesDone / p.bytesTotal) : 1
  const filled = Math.round(share * width)
  const seconds = p.elapsedMs / 1000
  const rate = seconds > 0 ? p.records / seconds : 0
  const eta = share > 0 && share < 1 ? (seconds * (1 - share)) / share : 0
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(share * 100).toFixed(1).padStart(5)}%  ${p.records.toLocaleString('en-US')} records  ${Math.round(rate).toLocaleString('en-US')}/s  ETA ${duration(eta)}`
}

/** A duration in seconds as `1h02m`, `3m05s` or `12s`. */
export function duration(seconds: number): string {
  const s = Math.round(seconds)
  if (s >= 3600) return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`
  if (s >= 60) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`
  return `${s}s`
}
