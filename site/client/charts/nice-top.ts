import * as Plot from '@observablehq/plot'

/**
 * The top of a value axis that starts at 0: `max` extended to the next round tick (0.681 → 0.7),
 * so that the highest point has a labelled gridline above it instead of sitting on the frame.
 */
export function niceTop(max: number): number {
  const domain = Plot.scale({ y: { domain: [0, max], nice: true } }).domain as readonly number[]
  return domain[1] ?? max
}
