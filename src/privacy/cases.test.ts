import { describe, expect, it } from 'vitest'
import { caseExpected, caseHierarchy, casePrimary, caseTable, caseText } from './cases.fixture.ts'
import type { ProtectedTable, TableInput } from './index.ts'
import { auditTables, protectTables } from './index.ts'
import { parseCsv } from './parse-csv.ts'

const only = { minPersons: 0, rate: false } as const

// The references below are sdcTable's and tau-ARGUS's results, whose attacker knows every suppressed
// cell only to be at least 0 (PRIVACY.md §4): they are reproduced with `statusesShown: false`. A
// release publishes each cell's status, and a cell shown `A` or `B` holds at least one unit: what
// that adds is shown on sdctable_singletons_1d.
const reference = { statusesShown: false } as const

function suppressedCells(table: ProtectedTable) {
  return table.rows.filter((r) => r.status !== 'V').map((r) => r.codes.join('/'))
}

const regionGender = () =>
  caseTable('sdctable_microdata1_region_gender.csv', ['region', 'gender'], {
    region: caseHierarchy('hier_region_ABCD.csv'),
    gender: caseHierarchy('hier_gender.csv'),
  })

/** The microdata of sdc_testproblem as a table with per-person contributions of `val`. */
function microdataTable(): TableInput {
  const csv = parseCsv(caseText('sdctable_microdata1.csv'))
  const cells = new Map<string, number[]>()
  for (const r of csv.records) {
    const key = `${r.fields[0]}/${r.fields[1]}`
    cells.set(key, [...(cells.get(key) ?? []), Number(r.fields[2])])
  }
  const rows = [...cells].map(([key, contributions]) => ({
    codes: key.split('/'),
    n: contributions.length,
    contributions,
  }))
  return { ...regionGender(), rows }
}

async function primaryCells(rules: Parameters<typeof protectTables>[1]) {
  const result = await protectTables([microdataTable()], { ...rules, audit: 'none' })
  if (!result.ok) return result.issues.map((i) => i.code)
  return result.tables[0]!.rows.filter((r) => r.status === 'A' || r.status === 'B').map((r) =>
    r.codes.join('/'),
  )
}

describe('sdctable_testproblem_primary (source asserted)', () => {
  it('freq maxN=2 (n ≤ 2, i.e. k = 3) flags only A/female', async () => {
    expect(await primaryCells({ rules: { minPersons: 3, rate: false } })).toEqual(['A/female'])
  })
  it('(2,75)-dominance flags A/female and D/male', async () => {
    expect(await primaryCells({ rules: { ...only, dominance: [{ n: 2, k: 75 }] } })).toEqual([
      'A/female',
      'D/male',
    ])
  })
  it('p%-rule p=70 flags A/female and D/male', async () => {
    expect(await primaryCells({ rules: { ...only, pPercent: { p: 70 } } })).toEqual(['A/female', 'D/male'])
  })
  it('pq-rule p=60 q=80 flags A/female and D/male', async () => {
    expect(await primaryCells({ rules: { ...only, pPercent: { p: 60, q: 80 } } })).toEqual([
      'A/female',
      'D/male',
    ])
  })
  it('refuses a dominance rule on a table without contributions', async () => {
    const result = await protectTables([regionGender()], { rules: { ...only, dominance: [{ n: 2, k: 80 }] } })
    expect(result.ok ? [] : result.issues.map((i) => i.code)).toEqual(['rules/missing-magnitude'])
  })
  it('refuses p = 0 and p = 100', async () => {
    for (const p of [0, 100]) {
      const result = await protectTables([microdataTable()], { rules: { ...only, pPercent: { p } } })
      expect(result.ok ? [] : result.issues.map((i) => i.code)).toContain('rules/invalid-parameter')
    }
  })
  it('refuses a negative contribution', async () => {
    const table = microdataTable()
    const rows = table.rows.map((r, i) =>
      i === 0 ? { ...r, contributions: [-1, ...(r.contributions ?? [])] } : r,
    )
    const result = await protectTables([{ ...table, rows }], {
      rules: { ...only, dominance: [{ n: 1, k: 85 }] },
    })
    expect(result.ok ? [] : result.issues.map((i) => i.code)).toEqual(['table/negative-contribution'])
  })
})

describe('sdctable_protect_single_primary (source asserted)', () => {
  it('suppresses A/male, A/female, C/male, C/female: 3 secondary cells, 11 published', async () => {
    const result = await protectTables([regionGender()], {
      rules: only,
      primary: casePrimary('sdctable_microdata1_primary_Afemale.csv'),
    })
    if (!result.ok) throw new Error(JSON.stringify(result.issues))
    const table = result.tables[0]!
    expect(suppressedCells(table).sort()).toEqual(['A/female', 'A/male', 'C/female', 'C/male'])
    expect(result.report.set.byStatus).toEqual({ V: 11, A: 1, B: 0, D: 3 })
    expect(result.report.audit?.ok).toBe(true)
  })
  it('the audit of the reference pattern gives the reference intervals', async () => {
    const expected = caseExpected('sdctable_microdata1_Afemale_SIMPLEHEURISTIC.csv')
    const audit = await auditTables([publishedFrom(expected, ['region', 'gender'])], reference)
    const intervals = audit.cells.map((c) => [c.codes.join('/'), c.interval.low, c.interval.up])
    expect(intervals).toEqual(
      expected.filter((e) => e.low !== undefined).map((e) => [e.codes.join('/'), e.low, e.up]),
    )
  })
})

/** A published table from an expected file (suppressed = status u/x), with the case's hierarchies. */
function publishedFrom(
  expected: ReturnType<typeof caseExpected>,
  dims: string[],
  hier?: Record<string, string>,
) {
  const files = hier ?? { region: 'hier_region_ABCD.csv', gender: 'hier_gender.csv' }
  return {
    name: 'expected',
    dimensions: dims,
    hierarchies: Object.fromEntries(dims.map((d) => [d, caseHierarchy(files[d]!)])),
    rows: expected.map((e) => ({
      codes: e.codes,
      n: e.status === 's' ? e.n : null,
      status: e.status === 'u' ? 'A' : e.status === 'x' ? 'D' : 'V',
    })),
  }
}

describe('sdctable_singletons_1d (source asserted)', () => {
  const input = () =>
    caseTable('sdctable_singletons_1d.csv', ['region'], {
      region: caseHierarchy('hier_region_abcd_lower.csv'),
    })
  it('without singleton detection, the two singletons need no secondary cell', async () => {
    const result = await protectTables([input()], {
      rules: { minPersons: 2, rate: false },
      singletons: false,
      ...reference,
    })
    expect(result.ok && result.report.set.byStatus).toEqual({ V: 3, A: 2, B: 0, D: 0 })
  })
  it('with the statuses shown, that pattern tells both singletons exactly: a + c = 2, each at least 1', async () => {
    const shown: [string, number | null, string][] = [
      ['a', null, 'A'],
      ['b', 2, 'V'],
      ['c', null, 'A'],
      ['d', 0, 'V'],
      ['tot', 4, 'V'],
    ]
    const rows = shown.map(([code, n, status]) => ({ codes: [code], n, status }))
    const audit = await auditTables([
      {
        name: 'singletons',
        dimensions: ['region'],
        hierarchies: { region: caseHierarchy('hier_region_abcd_lower.csv') },
        rows,
      },
    ])
    expect([
      audit.ok,
      audit.cells.map((c) => [c.codes[0], c.interval.low, c.interval.up, c.protected]),
    ]).toEqual([
      false,
      [
        ['a', 1, 1, false],
        ['c', 1, 1, false],
      ],
    ])
  })
  it('with the statuses shown, a third cell is suppressed even without singleton detection', async () => {
    const result = await protectTables([input()], {
      rules: { minPersons: 2, rate: false },
      singletons: false,
    })
    if (!result.ok) throw new Error(JSON.stringify(result.issues))
    expect([result.report.set.byStatus, result.report.audit?.ok]).toEqual([{ V: 2, A: 2, B: 0, D: 1 }, true])
  })
  it('with singleton detection, a third cell of the row is suppressed (1 secondary)', async () => {
    const result = await protectTables([input()], { rules: { minPersons: 2, rate: false } })
    if (!result.ok) throw new Error(JSON.stringify(result.issues))
    expect(result.report.set.byStatus).toEqual({ V: 2, A: 2, B: 0, D: 1 })
    expect(suppressedCells(result.tables[0]!)).toEqual(['a', 'b', 'c'])
    expect(result.report.audit?.ok).toBe(true)
    expect(result.report.audit?.singletonChecks).toBe(2)
  })
  it('threshold=3: a third cell of the row is suppressed (1 secondary)', async () => {
    const result = await protectTables([input()], {
      rules: { minPersons: 2, rate: false },
      singletons: false,
      threshold: 3,
    })
    if (!result.ok) throw new Error(JSON.stringify(result.issues))
    expect(result.report.set.byStatus).toEqual({ V: 2, A: 2, B: 0, D: 1 })
    expect(suppressedCells(result.tables[0]!)).toEqual(['a', 'b', 'c'])
    expect(result.report.audit?.ok).toBe(true)
  })
  it('threshold=5: the whole row is suppressed (2 secondary)', async () => {
    const result = await protectTables([input()], {
      rules: { minPersons: 2, rate: false },
      singletons: false,
      threshold: 5,
    })
    if (!result.ok) throw new Error(JSON.stringify(result.issues))
    expect(result.report.set.byStatus).toEqual({ V: 1, A: 2, B: 0, D: 2 })
    expect(suppressedCells(result.tables[0]!)).toEqual(['a', 'b', 'c', 'd'])
    expect(result.report.audit?.ok).toBe(true)
  })
})

describe('usersupport136_two_hierarchies (linked tables protected together)', () => {
  /** One variable, region, under two non-nested groupings: counties and BIG/small. */
  const tables = (): TableInput[] => {
    const csv = parseCsv(caseText('usersupport136_region_two_hierarchies.csv'))
    const rows = csv.records.map((r) => ({ codes: [r.fields[0]!], n: Number(r.fields[3]) }))
    const grouping = (column: number, root: string) => {
      const groups = [...new Set(csv.records.map((r) => r.fields[column]!))]
      return [
        { code: root, parent: '' },
        ...groups.map((g) => ({ code: g, parent: root })),
        ...csv.records.map((r) => ({ code: r.fields[0]!, parent: r.fields[column]! })),
      ]
    }
    return [
      { name: 'by-county', dimensions: ['region'], hierarchies: { region: grouping(1, 'Total') }, rows },
      { name: 'by-size', dimensions: ['region'], hierarchies: { region: grouping(2, 'All') }, rows },
    ]
  }
  it('every primary keeps its interval against the relations of both hierarchies at once', async () => {
    const result = await protectTables(tables(), { rules: { minPersons: 4, rate: false } })
    if (!result.ok) throw new Error(JSON.stringify(result.issues))
    // A, B (2 persons), K, L, M (3) are primary; the leaves and the total are common cells.
    expect(result.report.set.byStatus.A).toBe(5)
    expect(result.report.audit).toMatchObject({ ok: true, checked: 5 })
    // The audit of the published union, on its own, finds every primary protected.
    const audit = await auditTables(result.tables)
    expect(audit.ok).toBe(true)
    const primary = audit.cells.filter((c) => c.status === 'A')
    expect(primary.map((c) => c.codes[0]).sort()).toEqual(['A', 'B', 'K', 'L', 'M'])
    for (const cell of primary) expect(cell.interval.up - cell.interval.low).toBeGreaterThanOrEqual(2)
  })
  it('protecting each hierarchy alone is not enough: the union discloses a cell', async () => {
    const [county, size] = tables()
    const alone = await Promise.all(
      [county!, size!].map((t) => protectTables([t], { rules: { minPersons: 4, rate: false } })),
    )
    const published = alone.flatMap((r) => (r.ok ? r.tables : []))
    expect(published.length).toBe(2)
    const audit = await auditTables(published)
    // Each table alone is protected, but together they disclose K (3 persons) exactly: issue #136.
    expect(alone.every((r) => r.ok && r.report.audit?.ok)).toBe(true)
    expect(audit.ok).toBe(false)
    expect(audit.cells.find((c) => c.codes[0] === 'K')?.interval).toEqual({ low: 3, up: 3 })
  })
})

describe('sdctable_problemdata_4x4 (source asserted)', () => {
  const hier = { v1: 'hier_v1_wxyz.csv', v2: 'hier_v2_abcd.csv' }
  const input = () =>
    caseTable('sdctable_problemdata_4x4.csv', ['v1', 'v2'], {
      v1: caseHierarchy(hier.v1),
      v2: caseHierarchy(hier.v2),
    })
  it('before secondary suppression, w/b = 47 is exactly disclosed', async () => {
    const expected = caseExpected('sdctable_problemdata_4x4_SIMPLEHEURISTIC.csv').map((e) =>
      e.status === 'x' ? { ...e, status: 's' } : e,
    )
    const audit = await auditTables([publishedFrom(expected, ['v1', 'v2'], hier)])
    const wb = audit.cells.find((c) => c.codes.join('/') === 'w/b')
    expect(wb?.interval).toEqual({ low: 47, up: 47 })
    expect(wb?.protected).toBe(false)
  })
  it('after SIMPLEHEURISTIC (x/d suppressed), w/b is in [0, 78]', async () => {
    const expected = caseExpected('sdctable_problemdata_4x4_SIMPLEHEURISTIC.csv')
    const audit = await auditTables([publishedFrom(expected, ['v1', 'v2'], hier)], reference)
    expect(audit.cells.find((c) => c.codes.join('/') === 'w/b')?.interval).toEqual({ low: 0, up: 78 })
    expect(audit.ok).toBe(true)
  })
  const primary = casePrimary('sdctable_problemdata_4x4_primary.csv')
  it("with sdcTable's requirement (no exact disclosure: ±1), one secondary cell suffices, x/d", async () => {
    const result = await protectTables([input()], { rules: { ...only, protectionPercent: 0 }, primary })
    if (!result.ok) throw new Error(JSON.stringify(result.issues))
    expect(result.report.set.byStatus).toEqual({ V: 15, A: 9, B: 0, D: 1 })
    expect(result.tables[0]!.rows.filter((r) => r.status === 'D').map((r) => r.codes.join('/'))).toEqual([
      'x/d',
    ])
    expect(result.report.audit).toMatchObject({ ok: true, checked: 9 })
  })
  it('every primary keeps its ±10 % interval, which x/d alone does not give (w/c = 64 would be ≤ 69)', async () => {
    const result = await protectTables([input()], { rules: only, primary })
    if (!result.ok) throw new Error(JSON.stringify(result.issues))
    expect(result.report.set.byStatus).toEqual({ V: 14, A: 9, B: 0, D: 2 })
    expect(result.report.audit).toMatchObject({ ok: true, checked: 9 })
  })
})

describe('tauargus_manual_audit_3x2 (source asserted)', () => {
  it('cell 1/1 is in [3, 6]; the others match the reference', async () => {
    const expected = caseExpected('tau_manual_audit_3x2_OPT.csv')
    const flat = (codes: string[]) => [
      { code: 'Total', parent: '' },
      ...codes.map((code) => ({ code, parent: 'Total' })),
    ]
    const audit = await auditTables(
      [
        {
          name: 'tau',
          dimensions: ['row', 'col'],
          hierarchies: { row: flat(['1', '2', '3']), col: flat(['1', '2']) },
          rows: expected.map((e) => ({ codes: e.codes, n: e.status === 's' ? e.n : null, status: 'A' })),
        },
      ],
      reference,
    )
    expect(audit.cells.map((c) => [c.codes.join('/'), c.interval.low, c.interval.up])).toEqual([
      ['1/1', 3, 6],
      ['1/2', 1, 4],
      ['2/1', 0, 3],
      ['2/2', 0, 3],
    ])
  })
  it('protection of the given primaries needs no secondary cell (reference: 0)', async () => {
    const result = await protectTables([caseTable('tau_manual_audit_3x2.csv', ['row', 'col'])], {
      rules: { ...only, minProtection: 1, protectionPercent: 10 },
      primary: casePrimary('tau_manual_audit_3x2_primary.csv'),
      ...reference,
    })
    if (!result.ok) throw new Error(JSON.stringify(result.issues))
    expect(result.report.set.byStatus.D).toBe(0)
    expect(result.report.audit?.ok).toBe(true)
  })
})

describe('tauargus_manual_singleton_virtual_cell (source asserted)', () => {
  it('a singleton and one other primary in a row force a third suppression in that row', async () => {
    const table = caseTable('tau_manual_singleton_example.csv', ['row', 'col'], {}, 'value')
    const result = await protectTables([table], {
      rules: only,
      primary: [
        { codes: { row: 'A', col: 'X2' }, singleton: true, status: 'B' },
        { codes: { row: 'A', col: 'X4' }, status: 'B' },
      ],
    })
    if (!result.ok) throw new Error(JSON.stringify(result.issues))
    const rowA = result.tables[0]!.rows.filter((r) => r.codes[0] === 'A' && r.codes[1] !== 'Total')
    expect(rowA.filter((r) => r.status !== 'V').length).toBeGreaterThanOrEqual(3)
    expect(result.report.audit?.ok).toBe(true)
  })
})
