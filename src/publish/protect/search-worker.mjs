// Worker thread entry of search-threads.ts. Plain JavaScript so that Node can start it; it
// registers the TypeScript loader, then runs the worker's TypeScript module.
import { register } from 'tsx/esm/api'

register()
await import('./search-worker-main.ts')
