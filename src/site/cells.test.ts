import { describe, expect, it } from 'vitest'
import { intervalCell, rateCell, valueCell } from './cells.ts'

const published = { taux: 0.6451, taux_statut: 'V', taux_ic_bas: 0.6121, taux_ic_haut: 0.6776 }
const suppressed = { taux: null, taux_statut: 'D', taux_ic_bas: null, taux_ic_haut: null }
const secret =
  '<td class="num secret"><a href="../a-propos/index.html#secret-statistique"><abbr title="Secret statistique : secret secondaire">secret</abbr></a></td>'

describe('valueCell', () => {
  it('formats a published value in French', () => {
    expect(valueCell(published, 'taux', 'rate', '../')).toBe('<td class="num">64,5\u00a0%</td>')
    expect(valueCell({ n: 12345, n_statut: 'V' }, 'n', 'count', '../')).toBe(
      '<td class="num">12\u202f345</td>',
    )
  })

  it('shows a suppressed value as "secret", explained and linked to the rules, never as 0 or blank', () => {
    expect(valueCell(suppressed, 'taux', 'rate', '../')).toBe(secret)
    expect(valueCell({ n: 0, n_statut: 'A' }, 'n', 'count', '../')).toContain('>secret</abbr>')
  })

  it('tells a rate with a zero denominator (published, empty) from a secret one', () => {
    expect(valueCell({ taux: null, taux_statut: 'V' }, 'taux', 'rate', '')).toBe(
      '<td class="num"><abbr title="non défini : dénominateur nul">n.d.</abbr></td>',
    )
  })

  it('marks an absent row as no data', () => {
    expect(valueCell(undefined, 'taux', 'rate', '')).toBe(
      '<td class="num"><abbr title="aucune donnée publiée pour cette cellule">–</abbr></td>',
    )
  })
})

describe('intervalCell and rateCell', () => {
  it('give the 95 % interval of a published rate, and "secret" for a suppressed one', () => {
    expect(intervalCell(published, 'taux', '../')).toBe('<td class="num">[61,2\u00a0–\u00a067,8]</td>')
    expect(intervalCell(suppressed, 'taux', '../')).toBe(secret)
    expect(rateCell(published, 'taux', '../')).toBe(
      '<td class="num">64,5\u00a0% <span class="ci">[61,2\u00a0–\u00a067,8]</span></td>',
    )
    expect(rateCell(suppressed, 'taux', '../')).toBe(secret)
  })
})
