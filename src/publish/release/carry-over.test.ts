import { describe, expect, it } from 'vitest'
import { earlierCells } from './carry-over.ts'

const csv = `territoire,sexe,nb_entrees,nb_entrees_statut
_T,_T,120,V
R84,_T,,D
R84,F,,A
R11,M,,B
R11,F,40,V
R99,F,,A
R99,M,12,V
`

describe('earlierCells', () => {
  it('keeps every cell of earlier releases that still exists, suppressed or with its count, totals left unnamed', () => {
    const cells = earlierCells(
      [{ table: 'entrees-formation/t', dimensions: ['territoire', 'sexe'], count: 'nb_entrees', csv }],
      (_table, dim, code) => !(dim === 'territoire' && code === 'R99'),
    )
    expect(cells).toEqual({
      primary: [
        { table: 'entrees-formation/t', codes: { territoire: 'R84', sexe: 'F' }, status: 'A' },
        { table: 'entrees-formation/t', codes: { territoire: 'R11', sexe: 'M' }, status: 'B' },
      ],
      secondary: [{ table: 'entrees-formation/t', codes: { territoire: 'R84' } }],
      published: [
        { table: 'entrees-formation/t', codes: {}, n: 120, measures: {} },
        { table: 'entrees-formation/t', codes: { territoire: 'R11', sexe: 'F' }, n: 40, measures: {} },
      ],
    })
  })

  it('lists a cell of two releases once, and once per count it showed', () => {
    const table = { table: 't', dimensions: ['territoire', 'sexe'], count: 'nb_entrees', csv }
    const later = { ...table, csv: csv.replace('R11,F,40,V', 'R11,F,41,V') }
    const cells = earlierCells([table, table, later], () => true)
    expect(cells.primary.length + cells.secondary.length).toBe(4)
    expect(cells.published.map((c) => `${JSON.stringify(c.codes)} ${c.n}`)).toEqual([
      '{} 120',
      '{"territoire":"R11","sexe":"F"} 40',
      '{"territoire":"R99","sexe":"M"} 12',
      '{"territoire":"R11","sexe":"F"} 41',
    ])
  })

  it('keeps with a published cell its other measures, rates included, and lists it again when one differs', () => {
    const rates = `sexe,nb_sorties,nb_sorties_statut,nb_emploi_6m,nb_emploi_6m_statut,taux_emploi_6m,taux_emploi_6m_statut,taux_emploi_6m_ic_bas,taux_emploi_6m_ic_haut
_T,120,V,60,V,0.5,V,0.41,0.59
F,,A,,A,,A,,
M,80,V,0,V,,V,,
`
    const table = { table: 't', dimensions: ['sexe'], count: 'nb_sorties', csv: rates }
    const later = { ...table, csv: rates.replace('M,80,V,0,V,,V,,', 'M,80,V,7,V,0.0875,V,0.04,0.17') }
    expect(earlierCells([table, later], () => true).published).toEqual([
      { table: 't', codes: {}, n: 120, measures: { nb_emploi_6m: 60, taux_emploi_6m: 0.5 } },
      { table: 't', codes: { sexe: 'M' }, n: 80, measures: { nb_emploi_6m: 0 } },
      { table: 't', codes: { sexe: 'M' }, n: 80, measures: { nb_emploi_6m: 7, taux_emploi_6m: 0.0875 } },
    ])
  })

  it('keeps the cell of the observed cohorts an all-periods row showed or hid, where the new release holds it', () => {
    const text = `periode,territoire,nb_sorties,nb_sorties_statut,nb_connus_6m,nb_connus_6m_statut,nb_emploi_6m,nb_emploi_6m_statut,taux_emploi_6m,taux_emploi_6m_statut,nb_connus_12m,nb_connus_12m_statut
_T,_T,300,V,250,V,140,V,0.56,V,200,V
_T,R11,120,V,,A,,A,,A,,A
_T,R84,90,V,,D,,D,,D,,D
_T,R93,,A,,A,,A,,A,,A
2025,R11,60,V,60,V,30,V,0.5,V,0,V
`
    const asked: unknown[] = []
    const cells = earlierCells(
      [
        {
          table: 'insertion/t',
          dimensions: ['periode', 'territoire'],
          count: 'nb_sorties',
          csv: text,
          asOf: '2026-09-30',
        },
      ],
      () => true,
      (table, codes, last) => {
        asked.push([table, codes, last])
        return { table: 'insertion/u', code: `_O${last}` }
      },
    )
    // On 2026-09-30 the cohorts up to 2025 were observed at 6 months; a row hidden whole tells nothing.
    expect(asked.map((a) => JSON.stringify(a))).toEqual([
      '["insertion/t",{},2025]',
      '["insertion/t",{},2024]',
      '["insertion/t",{"territoire":"R11"},2025]',
      '["insertion/t",{"territoire":"R11"},2024]',
      '["insertion/t",{"territoire":"R84"},2025]',
      '["insertion/t",{"territoire":"R84"},2024]',
    ])
    // Each with the numerators it showed over it, and no other: the 12-month node showed none, so it
    // vouches for no 12-month numerator (a reference without measures would vouch for all).
    expect(cells.published.filter((c) => c.table === 'insertion/u')).toEqual([
      { table: 'insertion/u', codes: { periode: '_O2025' }, n: 250, measures: { nb_emploi_6m: 140 } },
      { table: 'insertion/u', codes: { periode: '_O2024' }, n: 200, measures: {} },
    ])
    expect(cells.primary.filter((c) => c.table === 'insertion/u')).toEqual([
      { table: 'insertion/u', codes: { territoire: 'R11', periode: '_O2025' }, status: 'A' },
      { table: 'insertion/u', codes: { territoire: 'R11', periode: '_O2024' }, status: 'A' },
    ])
    expect(cells.secondary.filter((c) => c.table === 'insertion/u')).toEqual([
      { table: 'insertion/u', codes: { territoire: 'R84', periode: '_O2025' } },
      { table: 'insertion/u', codes: { territoire: 'R84', periode: '_O2024' } },
    ])
  })
})
