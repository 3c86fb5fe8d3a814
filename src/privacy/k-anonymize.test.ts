import { describe, expect, it } from 'vitest'
import { caseText } from './cases.fixture.ts'
import { kAnonymize } from './k-anonymize.ts'
import { parseCsv } from './parse-csv.ts'

const hierarchy = (file: string) =>
  new Map(
    parseCsv(caseText(file), { header: false }).records.map(
      (r) => [r.fields[0]!, r.fields.slice(1)] as const,
    ),
  )

const records = () => {
  const csv = parseCsv(caseText('arx_test.csv'))
  return csv.records.map((r) => Object.fromEntries(csv.header.map((h, i) => [h, r.fields[i]!])))
}

const options = {
  quasiIdentifiers: ['age', 'gender', 'zipcode'],
  hierarchies: {
    age: hierarchy('arx_test_hierarchy_age.csv'),
    gender: hierarchy('arx_test_hierarchy_gender.csv'),
    zipcode: hierarchy('arx_test_hierarchy_zipcode_subset.csv'),
  },
}

function classSizes(rows: readonly Record<string, string>[]) {
  const sizes = new Map<string, number>()
  for (const r of rows) {
    const key = options.quasiIdentifiers.map((q) => r[q]).join('|')
    sizes.set(key, (sizes.get(key) ?? 0) + 1)
  }
  return sizes
}

describe('kAnonymize (ARX test data)', () => {
  it('every combination of quasi-identifiers occurs at least k times; suppressed records are * everywhere', () => {
    for (const k of [2, 3]) {
      const result = kAnonymize(records(), { ...options, k, suppressionLimit: 0.3 })
      if (!result.ok) throw new Error(JSON.stringify(result.issues))
      for (const [key, size] of classSizes(result.value.records)) {
        if (key !== '*|*|*') expect(size).toBeGreaterThanOrEqual(k)
      }
      expect(result.value.records.filter((r) => r.age === '*' && r.gender === '*').length).toBe(
        result.value.suppressed,
      )
    }
  })
  it('without suppression, k = 2 needs generalisation and reports its information loss', () => {
    const result = kAnonymize(records(), { ...options, k: 2 })
    if (!result.ok) throw new Error(JSON.stringify(result.issues))
    expect(result.value.suppressed).toBe(0)
    expect(result.value.informationLoss).toBeGreaterThan(0)
    expect(Math.min(...classSizes(result.value.records).values())).toBeGreaterThanOrEqual(2)
  })
  it('distinct 2-diversity on gender keeps two genders in every class', () => {
    const result = kAnonymize(records(), {
      ...options,
      quasiIdentifiers: ['age', 'zipcode'],
      k: 2,
      lDiversity: { attribute: 'gender', l: 2, variant: 'distinct' },
    })
    if (!result.ok) throw new Error(JSON.stringify(result.issues))
    const genders = new Map<string, Set<string>>()
    for (const r of result.value.records)
      genders.set(`${r.age}|${r.zipcode}`, (genders.get(`${r.age}|${r.zipcode}`) ?? new Set()).add(r.gender!))
    for (const set of genders.values()) expect(set.size).toBeGreaterThanOrEqual(2)
  })
})
