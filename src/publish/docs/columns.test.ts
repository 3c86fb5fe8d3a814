import { describe, expect, it } from 'vitest'
import { documentedColumns, keptLevels } from './columns.ts'
import { insertion } from './docs.fixture.ts'

describe('documentedColumns', () => {
  it('names one column per dimension, then per measure its value, status and, for rates with an interval, its bounds', () => {
    const columns = documentedColumns(insertion.tables[0]!)
    expect(columns.map((c) => [c.name, c.unit])).toEqual([
      ['periode', 'code'],
      ['territoire', 'code'],
      ['nb_sorties', 'dossiers'],
      ['nb_sorties_statut', 'code'],
      ['nb_personnes', 'personnes'],
      ['nb_personnes_statut', 'code'],
      ['taux_emploi_6m', 'proportion'],
      ['taux_emploi_6m_statut', 'code'],
      ['taux_emploi_6m_ic_bas', 'proportion'],
      ['taux_emploi_6m_ic_haut', 'proportion'],
      ['part_en_formation_6m', 'proportion'],
      ['part_en_formation_6m_statut', 'code'],
      ['taux_realisation', 'proportion'],
      ['taux_realisation_statut', 'code'],
    ])
    expect(columns[8]).toEqual({
      name: 'taux_emploi_6m_ic_bas',
      label: 'Borne basse : Taux d’emploi salarié à 6 mois',
      unit: 'proportion',
      definition: 'Borne basse de l’intervalle de confiance à 95 % (Wilson) du taux.',
    })
  })
})

describe('keptLevels', () => {
  it('keeps the levels from the top down to the depth, and refuses an unknown level', () => {
    expect(keptLevels({ name: 'territoire', depth: 'departement' }).map((l) => l.name)).toEqual([
      'region',
      'departement',
    ])
    expect(keptLevels({ name: 'territoire' }).map((l) => l.name)).toEqual([
      'region',
      'departement',
      'commune',
    ])
    expect(() => keptLevels({ name: 'territoire', depth: 'canton' })).toThrow(
      'unknown level of territoire: canton',
    )
  })
})
