/**
 * Runs `task` on every item with at most `limit` running at once; the results keep the items'
 * order whatever order the tasks finish in. After a failure no task starts; the first failure
 * rejects once the running tasks end.
 *
 * @example
 * const sizes = await mapLimit(files, 2, (file) => stat(file).then((s) => s.size))
 */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit ${limit}: expected an integer ≥ 1`)
  const results = new Array<R>(items.length)
  let next = 0
  let failing = false
  const worker = async () => {
    while (next < items.length && !failing) {
      const i = next++
      try {
        results[i] = await task(items[i]!, i)
      } catch (error) {
        failing = true
        throw error
      }
    }
  }
  const settled = await Promise.allSettled(Array.from({ length: Math.min(limit, items.length) }, worker))
  const failed = settled.find((s) => s.status === 'rejected')
  if (failed) throw failed.reason
  return results
}
