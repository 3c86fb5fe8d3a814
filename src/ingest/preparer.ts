import { Worker } from 'node:worker_threads'
import { safeSyntaxDetail } from './parse-line.ts'
import { type PreparedResult, prepareLine, prepareValue } from './prepare-record.ts'
import type { ValidationContext } from './validate/index.ts'

/** What the API does with a JSON array body: refuse it as a whole, or one result per element. */
export type ArrayPrepared =
  | { readonly kind: 'invalid-json'; readonly message: string }
  | { readonly kind: 'not-an-array' }
  | { readonly kind: 'too-many'; readonly count: number }
  | { readonly kind: 'ok'; readonly results: PreparedResult[] }

/**
 * Validates and prepares records for storage, in this thread or on worker threads. Ingestion
 * spends most of its CPU here (JSON parsing, schema, rules, content hash, serialising rows), so
 * moving it off the thread that talks to the database lets both run at once.
 */
export interface Preparer {
  /** NDJSON lines → one result per line. */
  lines(texts: readonly string[], today: string): Promise<PreparedResult[]>
  /** A JSON array body → refused as a whole, or one result per element (at most `max`). */
  jsonArray(body: string, max: number, today: string): Promise<ArrayPrepared>
  close(): Promise<void>
}

/** Work shared by both kinds of preparer (and the worker). */
export function prepareLines(
  texts: readonly string[],
  context: ValidationContext,
  secret: string,
): PreparedResult[] {
  return texts.map((text) => prepareLine(text, context, secret))
}

export function prepareArray(
  body: string,
  max: number,
  context: ValidationContext,
  secret: string,
): ArrayPrepared {
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch (error) {
    return { kind: 'invalid-json', message: safeSyntaxDetail(error) }
  }
  if (!Array.isArray(parsed)) return { kind: 'not-an-array' }
  if (parsed.length > max) return { kind: 'too-many', count: parsed.length }
  return { kind: 'ok', results: parsed.map((raw) => prepareValue(raw, context, secret)) }
}

/** Prepares in the calling thread (tests, small runs, the embedded store). */
export function inlinePreparer(codes: ValidationContext['codes'], secret: string): Preparer {
  return {
    lines: async (texts, today) => prepareLines(texts, { codes, today }, secret),
    jsonArray: async (body, max, today) => prepareArray(body, max, { codes, today }, secret),
    close: async () => {},
  }
}

interface Pending {
  resolve(value: unknown): void
  reject(error: Error): void
}

/**
 * Prepares on `threads` worker threads, round robin. Results come back as plain objects whose
 * rows are already JSON strings, which cross threads cheaply.
 */
export function workerPreparer(secret: string, threads = 1): Preparer {
  const workers = Array.from({ length: Math.max(1, threads) }, () => {
    const worker = new Worker(new URL('./prepare-worker.mjs', import.meta.url), { workerData: { secret } })
    worker.unref()
    return worker
  })
  const pending = new Map<number, Pending>()
  let next = 0
  for (const worker of workers) {
    worker.on('message', (message: { id: number; value?: unknown; error?: string }) => {
      const waiting = pending.get(message.id)
      pending.delete(message.id)
      if (!waiting) return
      if (message.error !== undefined) waiting.reject(new Error(message.error))
      else waiting.resolve(message.value)
    })
    worker.on('error', (error) => {
      for (const waiting of pending.values()) waiting.reject(error)
      pending.clear()
    })
  }
  const call = <T>(kind: 'lines' | 'array', args: unknown): Promise<T> => {
    const id = next++
    const worker = workers[id % workers.length]!
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject })
      worker.postMessage({ id, kind, args })
    })
  }
  return {
    lines: (texts, today) => call('lines', { texts, today }),
    jsonArray: (body, max, today) => call('array', { body, max, today }),
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()))
    },
  }
}

/**
 * The preparer the commands use: `threads` worker threads, or this thread when 0. One worker
 * gained 10–15 % on bulk imports on the 2-core machines measured (bench/README.md); results
 * cross threads as plain strings, so the copy is cheap.
 */
export async function createPreparer(secret: string, threads = 0): Promise<Preparer> {
  if (threads > 0) return workerPreparer(secret, threads)
  const { loadCodeLists } = await import('../reference/code-lists.ts')
  return inlinePreparer(await loadCodeLists(), secret)
}
