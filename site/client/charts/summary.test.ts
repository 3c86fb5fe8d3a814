import { describe, expect, it } from 'vitest'
import type { Cell } from '../data/cells.ts'
import { summarise } from './summary.ts'

const cell = (xLabel: string, value: number | null, state: Cell['state']): Cell => ({
  x: xLabel,
  xLabel,
  series: null,
  seriesLabel: null,
  value,
  low: null,
  high: null,
  status: state === 'secret' ? 'A' : 'V',
  state,
  row: null,
})

describe('summarise', () => {
  it('names the highest and lowest published values and counts the secret ones', () => {
    const text = summarise(
      'Taux d’emploi par région',
      [cell('Bretagne', 0.71, 'value'), cell('Corse', null, 'secret'), cell('Normandie', 0.6, 'value')],
      true,
    )
    expect(text.replace(/[\u00a0\u202f]/g, ' ')).toBe(
      'Taux d’emploi par région. 2 valeurs publiées ; la plus élevée : Bretagne (71,0 %), la plus basse : Normandie (60,0 %). 1 valeur couverte par le secret statistique.',
    )
  })

  it('says when nothing is published, never a zero', () => {
    expect(summarise('Entrées', [cell('Corse', null, 'secret'), cell('Guyane', null, 'secret')], false)).toBe(
      'Entrées. Aucune valeur publiée. 2 valeurs couvertes par le secret statistique.',
    )
  })
})
