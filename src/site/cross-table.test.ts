import { describe, expect, it } from 'vitest'
import { type CrossTableSpec, crossTableHtml } from './cross-table.ts'
import type { TableData } from './published.ts'

const row = (dispositif: string, sexe: string, n: number | null, rate: number | null, status = 'V') => ({
  periode: '_T',
  dispositif,
  sexe,
  nb_sorties: n,
  nb_sorties_statut: n === null ? 'A' : 'V',
  taux: rate,
  taux_statut: status,
  taux_ic_bas: rate === null ? null : rate - 0.05,
  taux_ic_haut: rate === null ? null : rate + 0.05,
})

const DATA: TableData = {
  table: 't',
  title: 'T',
  dimensions: ['periode', 'dispositif', 'sexe'],
  rows: [
    row('_T', '_T', 300, 0.5),
    row('_T', '1', 140, 0.45),
    row('_T', '2', 160, 0.55),
    row('AIF', '_T', 40, 0.6),
    row('AIF', '1', null, null, 'A'),
    row('AIF', '2', 30, 0.62),
    row('PRF', '_T', 250, 0.48),
    row('PRF', '1', 120, 0.44),
    row('PRF', '2', 130, 0.52),
    row('CSP', '_T', null, null, 'D'),
    // A row of another period: never shown (the spec's other dimensions are at their total).
    { ...row('PRF', '1', 10, 0.9), periode: '2025' },
  ],
}

const SPEC: CrossTableSpec = {
  caption: 'Taux par dispositif et sexe',
  data: '../datasets/x/t.json',
  measure: 'taux',
  rows: { dimension: 'dispositif', header: 'Dispositif', total: 'Tous dispositifs' },
  columns: { dimension: 'sexe', total: 'Ensemble' },
  root: '../',
}

const LABELS: Record<string, string> = { '1': 'Hommes', '2': 'Femmes', AIF: 'Aide individuelle' }
const label = (_: string, code: string) => LABELS[code] ?? code

/** Rows as text: cell contents without tags, a secret cell read "secret", absent ones "–". */
const rowsOf = (html: string) =>
  [...html.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) =>
    [...m[1]!.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((c) =>
      c[1]!.replace(/<[^>]+>/g, '').replace(/[\u00a0\u202f]/g, ' '),
    ),
  )

describe('crossTableHtml', () => {
  it('sets the rows by decreasing exits under the total, the columns in table order after it', () => {
    expect(rowsOf(crossTableHtml(SPEC, DATA, label))).toEqual([
      ['Dispositif', 'Ensemble', 'Hommes', 'Femmes'],
      ['Tous dispositifs', '50,0 % [45,0 – 55,0]', '45,0 % [40,0 – 50,0]', '55,0 % [50,0 – 60,0]'],
      ['PRF', '48,0 % [43,0 – 53,0]', '44,0 % [39,0 – 49,0]', '52,0 % [47,0 – 57,0]'],
      ['Aide individuelle', '60,0 % [55,0 – 65,0]', 'secret', '62,0 % [57,0 – 67,0]'],
      ['CSP', 'secret', '–', '–'],
    ])
  })

  it('keeps the `limit` rows with the most exits, and explains and links every secret cell', () => {
    const html = crossTableHtml({ ...SPEC, limit: 1 }, DATA, label)
    expect(rowsOf(html).map((r) => r[0])).toEqual(['Dispositif', 'Tous dispositifs', 'PRF'])
    expect(crossTableHtml(SPEC, DATA, label)).toContain(
      '<td class="num secret"><a href="../a-propos/index.html#secret-statistique"><abbr title="Secret statistique : secret primaire, effectif trop faible">secret</abbr></a></td>',
    )
  })
})
