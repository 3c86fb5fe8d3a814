import { describe, expect, it } from 'vitest'
import {
  auditTables,
  type ProtectResult,
  type PublishedCell,
  protectTables,
  type TableInput,
} from './index.ts'

// One small cell (a1, b1) among larger ones: the cheapest way to hide it goes through a2.
const table: TableInput = {
  name: 't',
  dimensions: ['a', 'b'],
  rows: [
    { codes: ['a1', 'b1'], n: 3 },
    { codes: ['a1', 'b2'], n: 20 },
    { codes: ['a2', 'b1'], n: 10 },
    { codes: ['a2', 'b2'], n: 30 },
    { codes: ['a3', 'b1'], n: 12 },
    { codes: ['a3', 'b2'], n: 40 },
  ],
}

function suppressed(result: ProtectResult): string[] {
  if (!result.ok) return []
  return result.tables[0]!.rows.filter((r) => r.status !== 'V').map((r) => `${r.codes.join()} ${r.status}`)
}

describe('cells published by a release still online', () => {
  it('without them, the cheapest pattern hides the small cell through a2', async () => {
    const result = await protectTables([table], { rules: { minPersons: 5 }, audit: 'suppressed' })
    expect(suppressed(result)).toEqual(['a1,b1 A', 'a1,b2 D', 'a2,b1 D', 'a2,b2 D'])
  })

  it('stay published when their count is unchanged, so the protection goes around them', async () => {
    const result = await protectTables([table], {
      rules: { minPersons: 5 },
      published: [{ table: 't', codes: { a: 'a2', b: 'b1' }, n: 10 }],
      audit: 'suppressed',
    })
    expect(suppressed(result)).toEqual(['a1,b1 A', 'a1,b2 D', 'a3,b1 D', 'a3,b2 D'])
    expect(result.ok && result.report.audit?.ok).toBe(true)
  })

  it('stay frozen for a cell small by its count when only their other measures changed: their count still tells it', async () => {
    const withMeasures: TableInput = {
      ...table,
      rows: table.rows.map((r) => ({ ...r, measures: { heures: r.n * 10 } })),
    }
    const result = await protectTables([withMeasures], {
      rules: { minPersons: 5 },
      published: [{ table: 't', codes: { a: 'a2', b: 'b1' }, n: 10, measures: { heures: 70 } }],
      audit: 'suppressed',
    })
    expect(suppressed(result)).toEqual(['a1,b1 A', 'a1,b2 D', 'a3,b1 D', 'a3,b2 D'])
  })

  it('may be suppressed when their count changed since (the old value no longer tells the new one)', async () => {
    const result = await protectTables([table], {
      rules: { minPersons: 5 },
      published: [{ table: 't', codes: { a: 'a2', b: 'b1' }, n: 9 }],
      audit: 'suppressed',
    })
    expect(suppressed(result)).toEqual(['a1,b1 A', 'a1,b2 D', 'a2,b1 D', 'a2,b2 D'])
  })

  it('leave a small cell unprotectable when its every relation is otherwise public', async () => {
    const result = await protectTables([table], {
      rules: { minPersons: 5 },
      published: [
        { table: 't', codes: { a: 'a2', b: 'b1' }, n: 10 },
        { table: 't', codes: { a: 'a3', b: 'b1' }, n: 12 },
        { table: 't', codes: { b: 'b1' }, n: 25 },
      ],
      audit: 'suppressed',
    })
    // The audit, which sees the same public cells, confirms it: [3, 3].
    expect(result.ok && result.report.issues.map((i) => i.code)).toEqual([
      'disclosure/unprotectable',
      'disclosure/unprotected',
    ])
  })

  it('never hold a primary cell: a cell small now is hidden whatever an earlier release showed', async () => {
    const result = await protectTables([table], {
      rules: { minPersons: 5 },
      published: [{ table: 't', codes: { a: 'a1', b: 'b1' }, n: 3 }],
      audit: 'suppressed',
    })
    expect(suppressed(result)).toEqual(['a1,b1 A', 'a1,b2 D', 'a2,b1 D', 'a2,b2 D'])
  })
})

// A release published every cell while no outcome was known; months later the counts are the
// same but outcomes came in, and few of a1 have one: the rate rule makes a1 primary.
const outcomes: TableInput = {
  name: 'o',
  dimensions: ['a'],
  rows: [
    { codes: ['a1'], n: 30, measures: { emploi: 3 } },
    { codes: ['a2'], n: 40, measures: { emploi: 20 } },
  ],
  rates: [{ numerator: 'emploi' }],
}
const beforeOutcomes: PublishedCell[] = [
  { table: 'o', codes: {}, n: 70, measures: { emploi: 0 } },
  { table: 'o', codes: { a: 'a1' }, n: 30, measures: { emploi: 0 } },
  { table: 'o', codes: { a: 'a2' }, n: 40, measures: { emploi: 0 } },
]

describe('cells published with other measures than they have now', () => {
  it('hide a rate whose numerator was published with another count: the rate now was not public', async () => {
    // Before: 3 of 29; now 3 of 30 (one more exit, without the outcome). The rate rule makes a1
    // primary; its numerator is as published, but not its count, so a1 is protected, not kept.
    const result = await protectTables([outcomes], {
      rules: { minPersons: 5 },
      published: [
        { table: 'o', codes: {}, n: 69, measures: { emploi: 23 } },
        { table: 'o', codes: { a: 'a1' }, n: 29, measures: { emploi: 3 } },
      ],
      audit: 'suppressed',
    })
    expect(result.ok && [result.report.issues, suppressed(result), result.report.republished]).toEqual([
      [],
      ['a1 A', 'a2 D'],
      undefined,
    ])
  })

  it('may be suppressed to protect a cell whose new outcome is small, though their count is unchanged', async () => {
    const result = await protectTables([outcomes], {
      rules: { minPersons: 5 },
      published: beforeOutcomes,
      audit: 'suppressed',
    })
    expect(result.ok && result.report.issues).toEqual([])
    expect(suppressed(result)).toEqual(['a1 A', 'a2 D'])
  })

  it('stay published when every measure they showed is unchanged (sums compared to the unit)', async () => {
    const result = await protectTables([outcomes], {
      rules: { minPersons: 5 },
      published: [
        { table: 'o', codes: {}, n: 70, measures: { emploi: 23 } },
        { table: 'o', codes: { a: 'a2' }, n: 40, measures: { emploi: 20.4, taux_emploi: 0.5 } },
      ],
      audit: 'suppressed',
    })
    expect(result.ok && result.report.issues.map((i) => i.code)).toEqual([
      'disclosure/unprotectable',
      'disclosure/unprotected',
    ])
  })
})

describe('cells linked across tables', () => {
  // The same exits in a table of abandons, known at exit and unchanged since, and in the table
  // of outcomes: the abandons as published leave the new outcomes to hide.
  const abandons: TableInput = {
    name: 'ab',
    dimensions: ['a'],
    rows: [
      { codes: ['a1'], n: 30, measures: { abandons: 6 } },
      { codes: ['a2'], n: 40, measures: { abandons: 9 } },
    ],
  }
  const abandonsBefore: PublishedCell[] = [
    { table: 'ab', codes: {}, n: 70, measures: { abandons: 15 } },
    { table: 'ab', codes: { a: 'a1' }, n: 30, measures: { abandons: 6 } },
    { table: 'ab', codes: { a: 'a2' }, n: 40, measures: { abandons: 9 } },
  ]

  it('hide a new outcome, though the other table holding them shows only values published before', async () => {
    const result = await protectTables([abandons, outcomes], {
      rules: { minPersons: 5 },
      published: [...abandonsBefore, ...beforeOutcomes],
      audit: 'suppressed',
    })
    expect(result.ok && result.report.issues).toEqual([])
    expect(result.ok && result.tables.map((t) => suppressed({ ...result, tables: [t] }))).toEqual([
      ['a1 A', 'a2 D'],
      ['a1 A', 'a2 D'],
    ])
  })

  it('leaves it published when the outcome table too shows only values published before: hiding it would hide nothing', async () => {
    const result = await protectTables([abandons, outcomes], {
      rules: { minPersons: 5 },
      published: [
        ...abandonsBefore,
        ...beforeOutcomes.map((c) => ({ ...c, measures: { emploi: c.n === 30 ? 3 : c.n === 40 ? 20 : 23 } })),
      ],
      audit: 'suppressed',
    })
    expect(result.ok && [result.report.issues, suppressed(result), result.report.republished]).toEqual([
      [],
      [],
      ['o: a=a1'],
    ])
  })

  it('leaves it published when the references give counts only: their measures then count as published', async () => {
    const result = await protectTables([outcomes], {
      rules: { minPersons: 5 },
      published: beforeOutcomes.map(({ measures: _, ...c }) => c),
      audit: 'suppressed',
    })
    expect(result.ok && [result.report.issues, suppressed(result), result.report.republished]).toEqual([
      [],
      [],
      ['o: a=a1'],
    ])
  })
})

describe('a cell that only its rates make primary, whose count is public', () => {
  // a1 is funded by f1 alone, so (a1, f1), published unchanged, tells a1's count. Since then, the
  // outcomes of 5 of a1 came in: too few for a rate, and what a1 must hide now is those outcomes.
  const funders: TableInput = {
    name: 'fin',
    dimensions: ['a', 'f'],
    rows: [
      { codes: ['a1', 'f1'], n: 30 },
      { codes: ['a2', 'f1'], n: 10 },
      { codes: ['a2', 'f2'], n: 30 },
    ],
  }
  const results: TableInput = {
    name: 'out',
    dimensions: ['a'],
    rows: [
      { codes: ['a1'], n: 30, measures: { connus: 5, emploi: 3 } },
      { codes: ['a2'], n: 40, measures: { connus: 30, emploi: 20 } },
    ],
    rates: [{ numerator: 'emploi', denominator: 'connus' }],
  }
  const fundersBefore: PublishedCell[] = [
    { table: 'fin', codes: {}, n: 70, measures: {} },
    { table: 'fin', codes: { a: 'a1' }, n: 30, measures: {} },
    { table: 'fin', codes: { a: 'a2' }, n: 40, measures: {} },
    { table: 'fin', codes: { f: 'f1' }, n: 40, measures: {} },
    { table: 'fin', codes: { f: 'f2' }, n: 30, measures: {} },
    { table: 'fin', codes: { a: 'a1', f: 'f1' }, n: 30, measures: {} },
    { table: 'fin', codes: { a: 'a2', f: 'f1' }, n: 10, measures: {} },
    { table: 'fin', codes: { a: 'a2', f: 'f2' }, n: 30, measures: {} },
  ]
  const resultsBefore = (connus: number, emploi: number): PublishedCell[] => [
    { table: 'out', codes: {}, n: 70, measures: { connus: connus + 5, emploi: emploi + 3 } },
    { table: 'out', codes: { a: 'a1' }, n: 30, measures: { connus: 0, emploi: 0 } },
    { table: 'out', codes: { a: 'a2' }, n: 40, measures: { connus, emploi } },
  ]

  it('is protected by hiding its outcomes among others still unpublished, public counts suppressed again', async () => {
    const result = await protectTables([funders, results], {
      rules: { minPersons: 5 },
      published: [...fundersBefore, ...resultsBefore(0, 0)],
      audit: 'suppressed',
    })
    expect(result.ok && result.report.issues).toEqual([])
    expect(result.ok && result.tables.map((t) => suppressed({ ...result, tables: [t] }))).toEqual([
      ['a1,Total A', 'a1,f1 D', 'a2,Total D', 'a2,f1 D'],
      ['a1 A', 'a2 D'],
    ])
  })

  it('is not, when the outcomes around it are public already: they would tell its own', async () => {
    const result = await protectTables([funders, results], {
      rules: { minPersons: 5 },
      published: [...fundersBefore, ...resultsBefore(30, 20)],
      audit: 'suppressed',
    })
    expect(result.ok && result.report.issues.map((i) => i.code)).toEqual([
      'disclosure/unprotectable',
      'disclosure/unprotected',
    ])
  })

  it('needs none, when references give counts only: its measures then count as public, and it stays published', async () => {
    const result = await protectTables([funders, results], {
      rules: { minPersons: 5 },
      published: [...fundersBefore, ...resultsBefore(30, 20).map(({ measures: _, ...c }) => c)],
      audit: 'suppressed',
    })
    expect(result.ok && [result.report.issues, suppressed(result), result.report.republished]).toEqual([
      [],
      [],
      ['out: a=a1'],
    ])
  })

  it('is protected when the outcomes around it were published on an empty base: 0 of 0 told nothing of them', async () => {
    // Before, no outcome was observed (a cohort not closed yet): every cell showed 0 of 0. Now all
    // are observed and none employed; a1 has too few observed for a rate. Each 0 is the number
    // published before, but on an empty base it said nothing of the outcome now.
    const observed: TableInput = {
      name: 'out',
      dimensions: ['a'],
      rows: [
        { codes: ['a1'], n: 5, measures: { connus: 5, emploi: 0 } },
        { codes: ['a2'], n: 30, measures: { connus: 30, emploi: 0 } },
        { codes: ['a3'], n: 40, measures: { connus: 40, emploi: 0 } },
      ],
      rates: [{ numerator: 'emploi', denominator: 'connus' }],
    }
    const publishedThen = (connus: (n: number) => number): PublishedCell[] =>
      [
        [{}, 75],
        [{ a: 'a1' }, 5],
        [{ a: 'a2' }, 30],
        [{ a: 'a3' }, 40],
      ].map(([codes, n]) => ({
        table: 'out',
        codes: codes as Record<string, string>,
        n: n as number,
        measures: { connus: connus(n as number), emploi: 0 },
      }))
    const protect = (published: PublishedCell[]) =>
      protectTables([observed], { rules: { minPersons: 5 }, primary: [], published, audit: 'suppressed' })
    const fromEmpty = await protect(publishedThen(() => 0))
    expect(fromEmpty.ok && fromEmpty.report.issues).toEqual([])
    expect(suppressed(fromEmpty)).toEqual(['a1 A', 'a2 D'])
    // The same zeros published on the same bases did tell them: a1's 0 of 5 is public, so hiding
    // it would hide nothing. It stays published, and the report names it (only withdrawing the
    // earlier release can take it back).
    const fromSame = await protect(publishedThen((n) => n))
    expect(
      fromSame.ok && [fromSame.report.issues, suppressed(fromSame), fromSame.report.republished],
    ).toEqual([[], [], ['out: a=a1']])
  })

  it('unlike a cell small by its count, whose count is the secret', async () => {
    const small: TableInput = {
      ...results,
      rows: [
        { codes: ['a1'], n: 30, measures: { connus: 25, emploi: 12 } },
        { codes: ['a2'], n: 40, measures: { connus: 30, emploi: 20 } },
      ],
    }
    const result = await protectTables([funders, small], {
      rules: { minPersons: 5 },
      primary: [{ table: 'out', codes: { a: 'a1' } }],
      published: [...fundersBefore, ...resultsBefore(0, 0)],
      audit: 'suppressed',
    })
    expect(result.ok && result.report.issues.map((i) => i.code)).toEqual([
      'disclosure/unprotectable',
      'disclosure/unprotected',
    ])
  })
})

describe('the findings of a release that cannot be protected', () => {
  it('name each exposed cell once, though the audit reaches some with and without a singleton known', async () => {
    const result = await protectTables(
      [
        {
          ...table,
          rows: table.rows.map((r) => (r.codes.join() === 'a1,b2' ? { ...r, n: 1 } : r)),
        },
      ],
      {
        rules: { minPersons: 5 },
        published: [
          { table: 't', codes: {}, n: 96 },
          { table: 't', codes: { a: 'a2' }, n: 40 },
          { table: 't', codes: { a: 'a3' }, n: 52 },
          { table: 't', codes: { b: 'b1' }, n: 25 },
          { table: 't', codes: { b: 'b2' }, n: 71 },
          { table: 't', codes: { a: 'a2', b: 'b1' }, n: 10 },
          { table: 't', codes: { a: 'a2', b: 'b2' }, n: 30 },
          { table: 't', codes: { a: 'a3', b: 'b1' }, n: 12 },
          { table: 't', codes: { a: 'a3', b: 'b2' }, n: 40 },
        ],
        audit: 'suppressed',
      },
    )
    expect(result.ok && result.report.audit?.unprotected.length).toBe(5)
    expect(result.ok && result.report.issues.filter((i) => i.code === 'disclosure/unprotected')).toEqual([
      { path: 't', code: 'disclosure/unprotected', message: 'cell a=a1 in [4, 4]' },
      { path: 't', code: 'disclosure/unprotected', message: 'cell a=a1,b=b1 in [3, 3]' },
      { path: 't', code: 'disclosure/unprotected', message: 'cell a=a1,b=b2 in [1, 1]' },
    ])
  })
})

describe('secondary cells of a release still online', () => {
  it('stay suppressed, with no protection interval of their own', async () => {
    const result = await protectTables([table], {
      rules: { minPersons: 2 },
      held: [{ table: 't', codes: { a: 'a3', b: 'b2' } }],
      audit: 'suppressed',
    })
    expect(suppressed(result)).toEqual(['a3,b2 D'])
    expect(result.ok && result.report.issues).toEqual([])
  })

  it('unlike primary cells, which need suppressed neighbours to keep their interval', async () => {
    const result = await protectTables([table], {
      rules: { minPersons: 2 },
      primary: [{ table: 't', codes: { a: 'a3', b: 'b2' } }],
      audit: 'suppressed',
    })
    expect(suppressed(result)).toEqual(['a2,b1 D', 'a2,b2 D', 'a3,b1 D', 'a3,b2 A'])
  })

  it('show a primary of a release online that is empty now `D`, not `A`: a reader takes a cell shown A to hold someone', async () => {
    const emptied: TableInput = {
      ...table,
      rows: table.rows.map((r) => (r.codes.join() === 'a1,b1' ? { ...r, n: 0 } : r)),
    }
    const result = await protectTables([emptied], {
      rules: { minPersons: 2 },
      primary: [{ table: 't', codes: { a: 'a1', b: 'b1' } }],
      audit: 'suppressed',
    })
    if (!result.ok) throw new Error(JSON.stringify(result.issues))
    const audit = await auditTables(result.tables)
    expect([suppressed(result), result.report.set.byStatus.A, audit.ok]).toEqual([
      ['a1,b1 D', 'a1,b2 D', 'a2,b1 D', 'a2,b2 D'],
      0,
      true,
    ])
  })

  it('show a dominance primary of a release online that is empty now `D`, not `B`, for the same reason', async () => {
    const emptied: TableInput = {
      ...table,
      rows: table.rows.map((r) => (r.codes.join() === 'a1,b1' ? { ...r, n: 0 } : r)),
    }
    const result = await protectTables([emptied], {
      rules: { minPersons: 2 },
      primary: [{ table: 't', codes: { a: 'a1', b: 'b1' }, status: 'B' }],
      audit: 'suppressed',
    })
    if (!result.ok) throw new Error(JSON.stringify(result.issues))
    expect([suppressed(result)[0], result.report.set.byStatus.B]).toEqual(['a1,b1 D', 0])
  })
})
