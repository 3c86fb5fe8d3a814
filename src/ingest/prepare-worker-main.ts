import { parentPort, workerData } from 'node:worker_threads'
import { loadCodeLists } from '../reference/code-lists.ts'
import { prepareArray, prepareLines } from './preparer.ts'

const { secret } = workerData as { secret: string }
const codes = await loadCodeLists()

parentPort?.on(
  'message',
  ({ id, kind, args }: { id: number; kind: 'lines' | 'array'; args: Record<string, unknown> }) => {
    try {
      const today = args.today as string
      const value =
        kind === 'lines'
          ? prepareLines(args.texts as string[], { codes, today }, secret)
          : prepareArray(args.body as string, args.max as number, { codes, today }, secret)
      parentPort?.postMessage({ id, value })
    } catch (error) {
      parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) })
    }
  },
)
