/**
 * Loads the HiGHS LP solver (WebAssembly) once per process: compiling it costs tens of
 * milliseconds, solving a small LP far less.
 * @module
 */
import type { Highs } from 'highs'
import highsModule from 'highs'

type Loader = () => Promise<Highs>

// The package ships CommonJS typings for an ES module build: at run time the default export is the
// loader itself, while the typings see a namespace holding it as `default`.
const loadHighs: Loader =
  typeof highsModule === 'function'
    ? (highsModule as unknown as Loader)
    : (highsModule as unknown as { default: Loader }).default

let cached: Promise<Highs> | undefined

/** The shared HiGHS instance. */
export function loadSolver(): Promise<Highs> {
  cached ??= loadHighs()
  return cached
}

/** A sparse LP: minimise cost·x subject to rowLower ≤ A x ≤ rowUpper, colLower ≤ x ≤ colUpper. */
export interface SparseLp {
  readonly cost: Float64Array
  readonly colLower: Float64Array
  readonly colUpper: Float64Array
  readonly rowLower: Float64Array
  readonly rowUpper: Float64Array
  /** Rows in CSR form. */
  readonly starts: Int32Array
  readonly indices: Int32Array
  readonly values: Float64Array
}

/** Options every model gets: quiet, no presolve (the models are small and re-solved warm). */
export const QUIET = { output_flag: false, presolve: 'off' } as const

/** Creates a persistent model from a sparse LP; the caller disposes it. */
export function createModel(highs: Highs, lp: SparseLp) {
  const model = highs.createModel({
    numCols: lp.cost.length,
    numRows: lp.rowLower.length,
    colCost: lp.cost,
    colLower: lp.colLower,
    colUpper: lp.colUpper,
    rowLower: lp.rowLower,
    rowUpper: lp.rowUpper,
    matrix: {
      format: 'csr',
      numRows: lp.rowLower.length,
      numCols: lp.cost.length,
      starts: lp.starts,
      indices: lp.indices,
      values: lp.values,
    },
  })
  model.options.set(QUIET)
  return model
}

/** Solves a sparse LP once: the optimal x, or undefined when it is infeasible. */
export function solveOnce(highs: Highs, lp: SparseLp): Float64Array | undefined {
  const model = createModel(highs, lp)
  try {
    model.run()
    if (model.getModelStatus() !== highs.constants.modelStatus.optimal) return undefined
    return model.getSolution().colValue
  } finally {
    model.dispose()
  }
}
