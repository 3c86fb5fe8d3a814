import { expect, it } from 'vitest'
import { benchValidate } from './bench.ts'
import { codes } from './test-fixtures.ts'

// A smoke run of the benchmark: it must validate its sample; the speed is printed, never asserted.
it('runs the validation benchmark', () => {
  const result = benchValidate(2000, codes)
  expect(result.records).toBe(2000)
  console.info(
    `validateRecord: ${result.perSecond} records/s (${result.records} in ${result.ms.toFixed(0)} ms)`,
  )
})
