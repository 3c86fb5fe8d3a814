import { describe, expect, it } from 'vitest'
import type { FigureTable } from '../../../src/site/chart-spec.ts'
import type { Cell } from '../data/cells.ts'
import type { Row } from '../data/published-table.ts'
import { figureTableHtml } from './figure-table.ts'

/** A cell of a rate as `selectCells` makes it from `row` (null: no published row). */
const cell = (xLabel: string, row: Row | null): Cell => ({
  x: xLabel,
  xLabel,
  series: null,
  seriesLabel: null,
  value: typeof row?.taux === 'number' ? row.taux : null,
  low: null,
  high: null,
  status: null,
  state: 'value',
  row,
})

const CELLS = [
  cell('Bretagne', { taux: 0.712, taux_statut: 'V', taux_ic_bas: 0.68, taux_ic_haut: 0.74, nb: 1200 }),
  cell('Corse', { taux: null, taux_statut: 'A', taux_ic_bas: null, taux_ic_haut: null, nb: 8 }),
  cell('Mayotte', { taux: null, taux_statut: 'V', taux_ic_bas: null, taux_ic_haut: null, nb: 0 }),
  cell('Guyane', null),
]

const rows = (html: string) =>
  [...html.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) => m[1]!.replace(/[\u00a0\u202f]/g, ' '))

describe('figureTableHtml', () => {
  it('lists every cell with its rate and interval: secret explained and linked, never 0 or blank', () => {
    const table: FigureTable = {
      header: 'Région',
      columns: [{ measure: 'taux', label: 'Taux d’emploi', kind: 'rate', interval: 'column' }],
      root: '../../',
    }
    const html = figureTableHtml('Taux d’emploi par région', table, CELLS)
    const secret =
      '<td class="num secret"><a href="../../a-propos/index.html#secret-statistique"><abbr title="Secret statistique : secret primaire, effectif trop faible">secret</abbr></a></td>'
    expect(html).toContain('<caption>Taux d’emploi par région</caption>')
    expect(html).toContain('role="region" tabindex="0" aria-label="Taux d’emploi par région"')
    expect(rows(html)).toEqual([
      '<th scope="col">Région</th><th scope="col" class="num">Taux d’emploi</th><th scope="col" class="num">Intervalle de confiance à 95 %</th>',
      '<th scope="row">Bretagne</th><td class="num">71,2 %</td><td class="num">[68,0 – 74,0]</td>',
      `<th scope="row">Corse</th>${secret}${secret}`,
      '<th scope="row">Mayotte</th><td class="num"><abbr title="non défini : dénominateur nul">n.d.</abbr></td><td class="num">–</td>',
      '<th scope="row">Guyane</th><td class="num"><abbr title="aucune donnée publiée pour cette cellule">–</abbr></td><td class="num">–</td>',
    ])
  })

  it('puts an interval inline after its rate and other measures of the row beside it', () => {
    const table: FigureTable = {
      header: 'Dispositif',
      columns: [
        { measure: 'taux', label: 'Taux', kind: 'rate', interval: 'inline' },
        { measure: 'nb', label: 'Sorties', kind: 'count' },
      ],
      root: '../',
    }
    expect(rows(figureTableHtml('Taux par dispositif', table, CELLS.slice(0, 1)))).toEqual([
      '<th scope="col">Dispositif</th><th scope="col" class="num">Taux</th><th scope="col" class="num">Sorties</th>',
      '<th scope="row">Bretagne</th><td class="num">71,2 % <span class="ci">[68,0 – 74,0]</span></td><td class="num">1 200</td>',
    ])
  })
})
