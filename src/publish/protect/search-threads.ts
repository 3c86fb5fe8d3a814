/**
 * Runs the secondary-suppression search of the privacy library on worker threads: each thread gets
 * a copy of the cell system once, then takes the next component (largest first) whenever it is
 * free. Components share no cell and each keeps its own budget, so the outcome is the one the
 * library's default (every component in turn on the calling thread) gives.
 * @module
 */
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { componentTables, type SearchOutcome, type SearchRunner, searchInTurn } from '../../privacy/index.ts'

type Reply =
  | { readonly id: number; readonly outcome: SearchOutcome }
  | { readonly id: number; readonly error: string }

/** The search was stopped by its signal: no outcome. */
export class SearchInterrupted extends Error {
  constructor() {
    super('the protection search was interrupted')
    this.name = 'SearchInterrupted'
  }
}

/** A component the threads searched, for the operator's log. */
export interface ComponentSearched {
  /** The tables holding its cells (a population's). */
  readonly tables: readonly string[]
  readonly cells: number
  readonly seconds: number
}

/** What the runner tells as it goes. */
export interface SearchEvents {
  /** How many components are searched, on how many threads (0: the calling one). */
  readonly started?: (components: number, threads: number) => void
  /** A component's search ended on a thread (not told on the calling thread). */
  readonly searched?: (component: ComponentSearched) => void
}

/**
 * A search runner on up to `threads` worker threads (default: the machine's parallelism), never
 * more than there are components to search; with one thread and no signal, on the calling thread.
 * `signal` stops the threads at once (the runner then rejects with SearchInterrupted).
 */
export function searchOnThreads(
  threads = availableParallelism(),
  signal?: AbortSignal,
  events: SearchEvents = {},
): SearchRunner {
  const { started } = events
  return async (job, components) => {
    const count = Math.max(1, Math.min(threads, components.length))
    // Without a signal to heed, one thread's work is done here (a worker would only add the copy
    // of the system); with one, in a worker, as this thread would not see the signal before the end.
    if (threads <= 1 && signal === undefined) {
      started?.(components.length, 0)
      return searchInTurn(job, components)
    }
    if (signal?.aborted) throw new SearchInterrupted()
    const outcomes = new Map<number, SearchOutcome>()
    const queue = components.map((c) => c.id)
    const workers = Array.from(
      { length: count },
      () => new Worker(new URL('./search-worker.mjs', import.meta.url), { workerData: job }),
    )
    let stop = () => {}
    const stopped = new Promise<never>((_, reject) => {
      stop = () => reject(new SearchInterrupted())
    })
    // Rejected only when the signal fires; until then nobody awaits it alone.
    stopped.catch(() => {})
    signal?.addEventListener('abort', stop, { once: true })
    const searched = events.searched
    const told = searched
      ? (id: number, seconds: number) =>
          searched({
            tables: componentTables(job.system, id),
            cells: components.find((c) => c.id === id)!.cells,
            seconds,
          })
      : undefined
    const done = Promise.all(workers.map((worker) => drain(worker, queue, outcomes, told)))
    // Once stopped, the threads' own ends (terminated) reject `done`, which nobody awaits then.
    done.catch(() => {})
    try {
      started?.(components.length, count)
      await Promise.race([done, stopped])
    } finally {
      signal?.removeEventListener('abort', stop)
      await Promise.all(workers.map((w) => w.terminate()))
    }
    return components.map((c) => outcomes.get(c.id)!)
  }
}

/** Feeds one worker components from the shared queue until it is empty. */
function drain(
  worker: Worker,
  queue: number[],
  outcomes: Map<number, SearchOutcome>,
  told?: (id: number, seconds: number) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let out: number | undefined
    let since = 0
    const next = () => {
      out = queue.shift()
      since = performance.now()
      if (out === undefined) resolve()
      else worker.postMessage(out)
    }
    worker.on('message', (reply: Reply) => {
      if ('error' in reply) {
        reject(new Error(`protection search of component ${reply.id} failed: ${reply.error}`))
        return
      }
      outcomes.set(reply.id, reply.outcome)
      told?.(reply.id, Math.round(performance.now() - since) / 1000)
      next()
    })
    worker.on('error', reject)
    // Whatever its code, a thread that ends with a component still out would leave it unsearched.
    worker.on('exit', (code) => {
      if (out !== undefined) reject(new Error(`protection search thread stopped with code ${code}`))
    })
    next()
  })
}
