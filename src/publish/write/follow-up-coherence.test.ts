import { describe, expect, it } from 'vitest'
import { protectTables, type TableInput } from '../../privacy/index.ts'
import type { MeasureName } from '../definition/catalogue.ts'
import { pooledCohorts, withObservedCohorts } from '../run/observed-cohorts.ts'
import { followUpGroups, pooledFollowUps } from './follow-up-coherence.ts'

// Exits by cohort and région on 2026-09-30: 2024 and 2025 are observed at 6 months (nb_connus_6m
// equals the count), 2026 is not (0). R1's 2026 cohort is 3 exits, too few: suppressed.
const years = ['2024', '2025', '2026']
const regions = ['R1', 'R2', 'R3']
const counts: Record<string, number[]> = { 2024: [40, 30, 50], 2025: [35, 12, 45], 2026: [3, 15, 25] }
const pooled = new Map([['sorties', new Map([[6, pooledCohorts(years, 6, '2026-09-30')]])]])

/** Distinct persons of every cell, one exit each: the count, the observed, those in a job (half). */
function persons(): { codes: string[]; values: Record<string, number> }[] {
  const sum = (ys: readonly string[], rs: readonly string[], known: boolean) =>
    ys.reduce(
      (a, y) => a + rs.reduce((b, r) => b + (known && y === '2026' ? 0 : counts[y]![regions.indexOf(r)]!), 0),
      0,
    )
  return ['_T', ...years].flatMap((y) =>
    ['_T', ...regions].map((r) => {
      const ys = y === '_T' ? years : [y]
      const rs = r === '_T' ? regions : [r]
      const known = sum(ys, rs, true)
      return {
        codes: [y, r],
        values: {
          nb_personnes: sum(ys, rs, false),
          known,
          employed: Math.ceil(known / 2),
          without: Math.floor(known / 2),
        },
      }
    }),
  )
}

function table(): TableInput {
  return {
    name: 'insertion/t',
    dimensions: ['periode', 'territoire'],
    population: 'sorties',
    hierarchies: {
      periode: [{ code: '_T', parent: '' }, ...years.map((code) => ({ code, parent: '_T' }))],
      territoire: [{ code: '_T', parent: '' }, ...regions.map((code) => ({ code, parent: '_T' }))],
    },
    rows: years.flatMap((y) =>
      regions.map((r, i) => ({
        codes: [y, r],
        n: counts[y]![i]!,
        measures: {
          nb_connus_6m: y === '2026' ? 0 : counts[y]![i]!,
          nb_emploi_6m: y === '2026' ? 0 : Math.ceil(counts[y]![i]! / 2),
        },
      })),
    ),
    measureNames: ['nb_connus_6m', 'nb_emploi_6m'],
    rates: [
      {
        numerator: 'nb_emploi_6m',
        denominator: 'nb_connus_6m',
        persons: { numerator: 'employed', denominator: 'known', complement: 'without' },
      },
    ],
    cellMeasures: persons(),
    personsMeasure: 'nb_personnes',
  }
}

describe('pooledFollowUps', () => {
  it('hides the follow-up measures of an all-periods row with the status of its observed cohorts’ cell', async () => {
    const input = withObservedCohorts(table(), pooled.get('sorties')!)
    const result = await protectTables([input], { rules: { minPersons: 11 }, audit: 'suppressed' })
    if (!result.ok) throw new Error(JSON.stringify(result.issues))
    expect(result.report.audit!.unprotected).toEqual([])
    const [protectedTable] = result.tables
    const hidden = pooledFollowUps(
      [
        {
          table: protectedTable!,
          population: 'sorties',
          measures: ['nb_sorties', 'nb_connus_6m', 'nb_emploi_6m', 'taux_emploi_6m'],
        },
      ],
      pooled,
    )
    const observed = new Map(protectedTable!.internal!.map((r) => [r.codes[1], r.status]))
    const expected = protectedTable!.rows
      .filter((r) => r.codes[0] === '_T' && r.status === 'V' && observed.get(r.codes[1]) !== 'V')
      .map(
        (r) =>
          `${r.codes.join()} ${['nb_connus_6m', 'taux_emploi_6m', 'nb_emploi_6m'].map((m) => `${m}=${observed.get(r.codes[1])}`).join()}`,
      )
    // 2025 R2 (12) and 2026 R1 (3) are small: the protection hides around them, and the count of
    // R1's observed cohorts would tell 2026 R1 beside its published total.
    expect(expected.length).toBeGreaterThan(0)
    expect(
      [...hidden].map(([r, names]) => `${r.codes.join()} ${[...names].map(([n, s]) => `${n}=${s}`).join()}`),
    ).toEqual(expected)
  })

  it('hides the follow-up measures of a row without periods whose rates the table holding its cell does not judge', async () => {
    const periodic = withObservedCohorts(table(), pooled.get('sorties')!)
    const flat: TableInput = {
      name: 'regions/t',
      dimensions: ['territoire'],
      population: 'sorties',
      hierarchies: { territoire: periodic.hierarchies!.territoire! },
      rows: regions.map((r, i) => ({
        codes: [r],
        n: years.reduce((a, y) => a + counts[y]![i]!, 0),
        measures: {
          nb_connus_6m: counts['2024']![i]! + counts['2025']![i]!,
          nb_emploi_6m: Math.ceil(counts['2024']![i]! / 2) + Math.ceil(counts['2025']![i]! / 2),
        },
      })),
      measureNames: ['nb_connus_6m', 'nb_emploi_6m'],
    }
    const result = await protectTables([periodic, flat], { rules: { minPersons: 11 }, audit: 'none' })
    if (!result.ok) throw new Error(JSON.stringify(result.issues))
    const [withPeriods, without] = result.tables
    const published = new Set(
      withPeriods!.internal!.filter((r) => r.status === 'V').map((r) => r.codes[1] ?? ''),
    )
    expect(published.size).toBeGreaterThan(0)
    const shown = (measures: MeasureName[]) => {
      const hidden = pooledFollowUps(
        [
          {
            table: withPeriods!,
            population: 'sorties',
            measures: ['nb_sorties', 'nb_connus_6m', 'nb_emploi_6m', 'taux_emploi_6m'],
          },
          { table: without!, population: 'sorties', measures },
        ],
        pooled,
      )
      return without!.rows.filter((r) => r.status === 'V' && !hidden.has(r)).map((r) => r.codes[0])
    }
    // The rate the periodic table judges on the cell: shown where that cell is published.
    expect(shown(['nb_sorties', 'nb_connus_6m', 'nb_emploi_6m', 'taux_emploi_6m'])).toEqual(
      without!.rows.filter((r) => r.status === 'V' && published.has(r.codes[0]!)).map((r) => r.codes[0]),
    )
    // One it does not publish, judged nowhere: hidden everywhere.
    expect(shown(['nb_sorties', 'nb_connus_6m', 'nb_acces_emploi_6m', 'taux_acces_emploi_6m'])).toEqual([])
  })

  it('hides the follow-up measures of a row of a table without periods that no linked table has', async () => {
    const result = await protectTables(
      [
        {
          name: 'organismes/t',
          dimensions: ['organisme'],
          population: 'sorties',
          hierarchies: {
            organisme: [
              { code: '_T', parent: '' },
              { code: '12345678900011', parent: '_T' },
            ],
          },
          rows: [{ codes: ['12345678900011'], n: 120, measures: { nb_connus_6m: 90 } }],
        },
      ],
      { audit: 'none' },
    )
    if (!result.ok) throw new Error(JSON.stringify(result.issues))
    const hidden = pooledFollowUps(
      [{ table: result.tables[0]!, population: 'sorties', measures: ['nb_sorties', 'nb_connus_6m'] }],
      pooled,
    )
    expect([...hidden].map(([r, names]) => [r.codes.join(), Object.fromEntries(names)])).toEqual([
      ['_T', { nb_connus_6m: 'D' }],
      ['12345678900011', { nb_connus_6m: 'D' }],
    ])
  })
})

describe('followUpGroups', () => {
  it('groups the members, the rates over them and their numerators by horizon', () => {
    expect(
      Object.fromEntries(
        followUpGroups([
          'nb_sorties',
          'nb_connus_6m',
          'nb_emploi_6m',
          'taux_emploi_6m',
          'nb_abandons',
          'taux_abandon',
          'nb_connus_12m',
          'nb_emploi_12m',
          'taux_emploi_12m',
        ]),
      ),
    ).toEqual({
      6: ['nb_connus_6m', 'taux_emploi_6m', 'nb_emploi_6m'],
      12: ['nb_connus_12m', 'taux_emploi_12m', 'nb_emploi_12m'],
    })
  })
})
