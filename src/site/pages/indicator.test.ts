import { describe, expect, it } from 'vitest'
import type { ChartSpec } from '../chart-spec.ts'
import type { TableRef } from '../find-table.ts'
import type { IndicatorData } from '../indicator-data.ts'
import { INDICATORS } from '../indicators.ts'
import type { PackageField, PublishedDataset, Row } from '../published.ts'
import { keyFigure, trendFigure } from './indicator.ts'

const certification = INDICATORS.find((i) => i.id === 'taux-certification')!
const employment = INDICATORS.find((i) => i.id === 'taux-emploi-6m')!

const field = (name: string): PackageField => ({ name, type: 'number', unit: 'proportion' })

/** A national trend of `measure` by year, from a table whose columns are `fields`. */
function data(indicator: typeof certification, fields: string[], rows: Row[]): IndicatorData {
  const ref: TableRef = {
    dataset: { slug: 'sorties-resultats' } as PublishedDataset,
    resource: { name: 'sorties_annee', path: 'sorties_annee.csv', schema: { fields: fields.map(field) } },
    dimensions: ['periode'],
    data: { table: 'sorties_annee', title: 'Sorties', dimensions: ['periode'], rows },
  }
  return {
    indicator,
    field: { ...field(indicator.measure), title: indicator.title },
    kind: 'rate',
    interval: false,
    trend: { ref, rows: new Map(rows.map((r) => [String(r.periode), r])) },
    year: '2025',
  }
}

const specOf = (html: string): ChartSpec =>
  JSON.parse(html.match(/data-spec='([^']*)'/)![1]!.replace(/&quot;/g, '"')) as ChartSpec

describe('an indicator over the part of a population whose outcome is known', () => {
  const rows: Row[] = [
    {
      periode: '2025',
      taux_obtention: 0.71,
      taux_obtention_statut: 'V',
      part_resultats_connus: 0.864,
      part_resultats_connus_statut: 'V',
    },
  ]

  it('says beside its key figure for what share the outcome is known', () => {
    const html = keyFigure(
      data(certification, ['periode', 'taux_obtention', 'part_resultats_connus'], rows),
      '',
      'h2',
    )
    expect(html).toBe(
      '<div class="key-figure"><h2>Taux d’obtention de la certification</h2><span class="value">71,0\u00a0%</span><span class="trend">France entière, 2025</span><span class="trend">Résultat connu pour 86,4\u00a0% des sorties de formations certifiantes</span></div>',
    )
  })

  it('adds the share known as a column of the tables that publish it, and only of those', () => {
    const withShare = specOf(
      trendFigure(data(certification, ['periode', 'taux_obtention', 'part_resultats_connus'], rows), ''),
    )
    expect(withShare.table?.columns.map((c) => [c.measure, c.label])).toEqual([
      ['taux_obtention', 'Taux d’obtention de la certification'],
      ['part_resultats_connus', 'Part des résultats connus'],
    ])
    const without = specOf(trendFigure(data(certification, ['periode', 'taux_obtention'], rows), ''))
    expect(without.table?.columns.map((c) => c.measure)).toEqual(['taux_obtention'])
  })

  it('shows no share for a rate that has none (employment is over the exits observed)', () => {
    const html = keyFigure(
      data(
        employment,
        ['periode', 'taux_emploi_6m'],
        [{ periode: '2025', taux_emploi_6m: 0.5, taux_emploi_6m_statut: 'V' }],
      ),
      '',
      'h2',
    )
    expect(html).not.toContain('Résultat connu')
  })
})
