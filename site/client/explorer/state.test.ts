import { describe, expect, it } from 'vitest'
import { formatState, parseState } from './state.ts'

describe('explorer state in the URL', () => {
  it('reads every field and the filters from the query string', () => {
    expect(
      parseState(
        '?jeu=insertion-emploi&table=insertion_departement&indicateur=taux_emploi_6m&ventilation=territoire&niveau=departement&graphique=map&periode=2025&sexe=F',
      ),
    ).toEqual({
      dataset: 'insertion-emploi',
      table: 'insertion_departement',
      measure: 'taux_emploi_6m',
      breakdown: 'territoire',
      level: 'departement',
      chart: 'map',
      filters: { periode: '2025', sexe: 'F' },
    })
  })

  it('drops an unknown chart kind and empty values', () => {
    expect(parseState('graphique=pie&jeu=&sexe=')).toEqual({ filters: {} })
  })

  it('writes one URL per view: fixed order, sorted filters, totals left out', () => {
    const a = formatState({
      dataset: 'd',
      table: 't',
      measure: 'm',
      breakdown: 'territoire',
      chart: 'bar',
      filters: { sexe: 'F', periode: '2025', dispositif: '_T' },
    })
    expect(a).toBe('jeu=d&table=t&indicateur=m&ventilation=territoire&graphique=bar&periode=2025&sexe=F')
  })

  it('reads back what it writes', () => {
    const state = {
      dataset: 'd',
      table: 't',
      measure: 'm',
      breakdown: 'periode',
      series: 'dispositif',
      level: 'annee',
      chart: 'line' as const,
      filters: { territoire: 'R84' },
    }
    expect(parseState(`?${formatState(state)}`)).toEqual(state)
  })
})
