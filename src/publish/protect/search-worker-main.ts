import { parentPort, workerData } from 'node:worker_threads'
import { type SearchJob, searchComponents } from '../../privacy/index.ts'

const job = workerData as SearchJob

// One component at a time, as the main thread hands them out (search-threads.ts).
parentPort?.on('message', (id: number) => {
  searchComponents(job, [id]).then(
    (outcome) => parentPort?.postMessage({ id, outcome }),
    (error: unknown) =>
      parentPort?.postMessage({
        id,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      }),
  )
})
