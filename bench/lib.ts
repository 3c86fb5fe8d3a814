import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import pg from 'pg'

/** The server benchmarks run against: PASSERELLE_BENCH_PG, or the local server. */
export const adminUrl = process.env.PASSERELLE_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres'

/** Creates a fresh database and returns its URL and a function that drops it. */
export async function scratchDatabase(prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${Date.now().toString(36)}`
  await adminQuery(`create database ${name}`)
  const u = new URL(adminUrl)
  u.pathname = `/${name}`
  return { url: u.toString(), drop: () => adminQuery(`drop database if exists ${name} with (force)`) }
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    await client.query(text)
  } finally {
    await client.end()
  }
}

/**
 * The process's peak resident memory while it runs; `stop()` gives it in MiB. Samples alone miss
 * the peaks of long synchronous work (the timer cannot fire): the kernel's lifetime peak (maxRSS)
 * counts too whenever it rose since `memorySampler()` was called, as the rise happened meanwhile.
 */
export function memorySampler(intervalMs = 100): { stop: () => number } {
  const maxBefore = process.resourceUsage().maxRSS * 1024
  let peak = process.memoryUsage().rss
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss)
  }, intervalMs)
  return {
    stop: () => {
      clearInterval(timer)
      const maxNow = process.resourceUsage().maxRSS * 1024
      const kernel = maxNow > maxBefore ? maxNow : 0
      return Math.round(Math.max(peak, process.memoryUsage().rss, kernel) / 2 ** 20)
    },
  }
}

/** The p-th percentile (0–100) of numbers. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

/**
 * Writes a result file under bench/results/ (`name-DATE.json`, else `name-DATE-2.json`, … : a
 * second run the same day replaced the first one's figures) and returns its path.
 */
export function writeResult(name: string, result: unknown): string {
  const dir = new URL('./results/', import.meta.url).pathname
  mkdirSync(dir, { recursive: true })
  const stem = `${dir}${name}-${new Date().toISOString().slice(0, 10)}`
  let path = `${stem}.json`
  for (let n = 2; existsSync(path); n++) path = `${stem}-${n}.json`
  writeFileSync(path, `${JSON.stringify(result, null, 2)}\n`)
  return path
}

/** A number with thousands separators. */
export function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
}
