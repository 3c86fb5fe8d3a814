import type { Kysely } from 'kysely'

/** Thrown by a statement that an interruptible store refused to start once its signal fired. */
export class StatementsInterrupted extends Error {
  constructor() {
    super('interrupted: no further statement is started')
    this.name = 'StatementsInterrupted'
  }
}

/** What {@link untilInterrupted} returns when the signal stopped the run. */
export const INTERRUPTED: unique symbol = Symbol('interrupted')

/**
 * `db` that refuses to start any statement once `signal` has fired (it throws
 * {@link StatementsInterrupted} as the statement is compiled, raw SQL and transactions included),
 * so that a long job of many statements stops at the next one on either store.
 */
export function interruptible<DB>(db: Kysely<DB>, signal: AbortSignal): Kysely<DB> {
  return db.withPlugin({
    transformQuery(args) {
      if (signal.aborted) throw new StatementsInterrupted()
      return args.node
    },
    transformResult: async (args) => args.result,
  })
}

/**
 * Runs `run` on an interruptible `db` (see {@link interruptible}). When `signal` fires, `cancel`
 * stops the statements running then (a server's: one statement of a publication's facts can run
 * for a minute at 8 M dossiers); whatever `run` then rejects with means it was stopped, and the
 * result is {@link INTERRUPTED}, once the cancel has ended (so that no cancel reaches a statement
 * the caller runs next, such as releasing a lock). Without a signal, `run` runs on `db` as it is.
 */
export async function untilInterrupted<DB, T>(
  db: Kysely<DB>,
  stop: { readonly signal?: AbortSignal; readonly cancel?: () => Promise<void> },
  run: (db: Kysely<DB>) => Promise<T>,
): Promise<T | typeof INTERRUPTED> {
  const { signal, cancel } = stop
  if (!signal) return run(db)
  if (signal.aborted) return INTERRUPTED
  let cancelled: Promise<void> = Promise.resolve()
  // A failed cancel leaves the statement to end by itself: the run still stops at the next one.
  const onAbort = () => {
    cancelled = cancel ? cancel().catch(() => {}) : cancelled
  }
  signal.addEventListener('abort', onAbort, { once: true })
  try {
    return await run(interruptible(db, signal))
  } catch (error) {
    if (!signal.aborted) throw error
    await cancelled
    return INTERRUPTED
  } finally {
    signal.removeEventListener('abort', onAbort)
  }
}
