import { workerPreparer } from '../src/ingest/preparer.ts'
import { createApp } from '../src/server/app.ts'
import type { TestStore } from './store.ts'

/** The API over a test store, its records prepared in this thread under the secret `s`, on a fixed day. */
export function testApp(store: TestStore, today = '2026-11-28'): ReturnType<typeof createApp> {
  return createApp({ db: store.db, storeKind: store.kind, preparer: workerPreparer('s'), today: () => today })
}
