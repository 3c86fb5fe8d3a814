/**
 * The Wilson score interval of a proportion: unlike the normal approximation it stays within
 * [0, 1] and behaves on small groups and rates near 0 % or 100 %, which published rates by
 * dispositif or région often are.
 */

/** z for a two-sided 95 % interval. */
export const Z95 = 1.959963984540054

/** `{low, high}` of the proportion `successes / n` at confidence `z` (95 % by default); null when n = 0. */
export function wilsonInterval(successes: number, n: number, z = Z95): { low: number; high: number } | null {
  if (!Number.isInteger(successes) || !Number.isInteger(n) || successes < 0 || n < 0 || successes > n)
    throw new RangeError(`invalid proportion: ${successes}/${n}`)
  if (n === 0) return null
  const p = successes / n
  const z2 = z * z
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n)
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) }
}
