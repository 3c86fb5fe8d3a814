import { describe, expect, it } from 'vitest'
import { protectTables } from '../../privacy/index.ts'
import { pooledFollowUps } from './follow-up-coherence.ts'

// Exits by cohort and région: 2025 is observed at 6 months (nb_connus_6m equals the count), 2026
// is not (0). R1's 2026 cohort is 3 exits, too few: suppressed.
const periods = [
  { code: '_T', parent: '' },
  { code: '2025', parent: '_T' },
  { code: '2026', parent: '_T' },
]
const regions = [
  { code: '_T', parent: '' },
  { code: 'R1', parent: '_T' },
  { code: 'R2', parent: '_T' },
  { code: 'R3', parent: '_T' },
]
const row = (periode: string, territoire: string, n: number) => ({
  codes: [periode, territoire],
  n,
  measures: { nb_connus_6m: periode === '2025' ? n : 0 },
})

describe('pooledFollowUps', () => {
  it('hides the follow-up denominator of a pooled row whose unobserved cohort is hidden, and only there', async () => {
    const result = await protectTables(
      [
        {
          name: 'insertion/t',
          dimensions: ['periode', 'territoire'],
          hierarchies: { periode: periods, territoire: regions },
          rows: [
            row('2025', 'R1', 40),
            row('2026', 'R1', 3),
            row('2025', 'R2', 30),
            row('2026', 'R2', 15),
            row('2025', 'R3', 50),
            row('2026', 'R3', 25),
          ],
        },
      ],
      { rules: { minPersons: 11 }, audit: 'none' },
    )
    if (!result.ok) throw new Error(JSON.stringify(result.issues))
    const table = result.tables[0]!
    const hidden = pooledFollowUps([
      { table, population: 'sorties', measures: ['nb_sorties', 'nb_connus_6m'] },
    ])
    const statusOf = (p: string, t: string) =>
      table.rows.find((r) => r.codes[0] === p && r.codes[1] === t)!.status
    // Every published all-periods row whose 2026 cell is hidden hides its denominator; the others,
    // whose 2026 cell is published, tell nothing new by it.
    const expected = ['_T', 'R1', 'R2', 'R3'].filter(
      (t) => statusOf('_T', t) === 'V' && statusOf('2026', t) !== 'V',
    )
    expect(expected.length).toBeGreaterThan(0)
    expect([...hidden].map(([r, names]) => `${r.codes.join()} ${[...names].join()}`)).toEqual(
      expected.map((t) => `_T,${t} nb_connus_6m`),
    )
  })
})
