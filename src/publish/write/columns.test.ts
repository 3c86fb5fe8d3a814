import { describe, expect, it } from 'vitest'
import { tableColumns } from './columns.ts'

describe('tableColumns', () => {
  it('lists the dimensions, then per measure its value and status, and interval bounds for rates that have one', () => {
    const columns = tableColumns({
      name: 't',
      title: 'T',
      description: '',
      population: 'sorties',
      dimensions: [{ name: 'territoire', depth: 'region' }, { name: 'sexe' }],
      measures: [
        'nb_sorties',
        'heures_prevues',
        'taux_emploi_6m',
        'part_en_formation_6m',
        'taux_realisation',
      ],
    })
    expect(columns.map((c) => [c.name, c.type, 'decimals' in c ? c.decimals : undefined])).toEqual([
      ['territoire', 'string', undefined],
      ['sexe', 'string', undefined],
      ['nb_sorties', 'integer', undefined],
      ['nb_sorties_statut', 'string', undefined],
      ['heures_prevues', 'number', 2],
      ['heures_prevues_statut', 'string', undefined],
      ['taux_emploi_6m', 'number', 4],
      ['taux_emploi_6m_statut', 'string', undefined],
      ['taux_emploi_6m_ic_bas', 'number', 4],
      ['taux_emploi_6m_ic_haut', 'number', 4],
      ['part_en_formation_6m', 'number', 4],
      ['part_en_formation_6m_statut', 'string', undefined],
      ['taux_realisation', 'number', 4],
      ['taux_realisation_statut', 'string', undefined],
    ])
  })

  it('types counts of sub-populations as integers and amounts in euros with cents', () => {
    const columns = tableColumns({
      name: 't',
      title: 'T',
      description: '',
      population: 'financements',
      dimensions: [],
      measures: ['nb_financements', 'nb_personnes', 'montant_engage', 'montant_moyen'],
    })
    expect(
      columns
        .filter((c) => c.role === 'value')
        .map((c) => [c.name, c.type, 'decimals' in c ? c.decimals : undefined]),
    ).toEqual([
      ['nb_financements', 'integer', undefined],
      ['nb_personnes', 'integer', undefined],
      ['montant_engage', 'number', 2],
      ['montant_moyen', 'number', 2],
    ])
  })
})
