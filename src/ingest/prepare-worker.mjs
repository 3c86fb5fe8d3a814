// Worker thread entry of the preparer (preparer.ts). Plain JavaScript so that Node can start it;
// it registers the TypeScript loader, then runs the worker's TypeScript module.
import { register } from 'tsx/esm/api'

register()
await import('./prepare-worker-main.ts')
