import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestStore, type TestStore } from '../../test/store.ts'
import { addPartner } from '../partners/partner.repository.ts'
import { applyBatch } from './apply-batch.ts'
import { prepareRecord } from './prepare-record.ts'
import { openApiTransmission } from './transmission.repository.ts'
import { validateRecord } from './validate/index.ts'
import { acceptedCases, failureCases } from './validate/test-cases.ts'
import { ctx } from './validate/test-fixtures.ts'

// Every rule of the spec, accepted and rejected, through the store (the validator's own cases).
let store: TestStore
let partnerId: number
beforeAll(async () => {
  store = await openTestStore()
  partnerId = (await addPartner(store.db, { code: 'CDC', name: 'CDC', kind: 'CDC' })).partner.id
})
afterAll(() => store.dispose())

async function apply(raws: { raw: unknown; context?: typeof ctx }[]) {
  const transmissionId = await openApiTransmission(store.db, partnerId, 'spec-rules')
  const items = raws.map(({ raw, context }, index) => {
    const result = validateRecord(raw, context ?? ctx)
    return {
      index,
      result: result.ok ? { ok: true as const, prepared: prepareRecord(result.valid, 's') } : result,
    }
  })
  return applyBatch(store.db, { partnerId, transmissionId }, items)
}

describe('every spec rule through the store', () => {
  it(`rejects each of the ${failureCases.length} failure cases with its findings and stores nothing of them`, async () => {
    const results = await apply(
      failureCases.map((c) => ({ raw: c.raw, ...(c.ctx ? { context: c.ctx } : {}) })),
    )
    expect(results.map((r) => ({ outcome: r.outcome, errors: r.errors }))).toEqual(
      failureCases.map((c) => ({ outcome: 'invalid', errors: c.errors })),
    )
    const stored = await store.db.selectFrom('dossier_version').select('record_id').execute()
    expect(stored).toEqual([])
  })

  it(`stores each of the ${acceptedCases.length} accepted cases`, async () => {
    const raws = acceptedCases.map((c, i) => ({ raw: { ...c.raw, id: `ACC-${i}` } }))
    const results = await apply(raws)
    expect(results.map((r) => r.outcome)).toEqual(acceptedCases.map(() => 'created'))
  })
})
