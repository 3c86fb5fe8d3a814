import { describe, expect, it } from 'vitest'
import { FOLLOW_UPS, followUpLines } from './render-follow-up.ts'

describe('followUpLines', () => {
  it('says, per horizon the dataset measures, the last cohort observed and when the next one is', () => {
    expect(followUpLines(['nb_sorties', 'nb_connus_6m', 'nb_connus_12m'], '2026-12-06')).toEqual([
      '**Suivi à 6 mois** : observé pour les sorties jusqu’à 2025 (`nb_connus_6m`) ; les sorties de 2026 le seront le 30 juin 2027, une fois toute l’année observée.',
      '**Suivi à 12 mois** : observé pour les sorties jusqu’à 2024 (`nb_connus_12m`) ; les sorties de 2025 le seront le 31 décembre 2026, une fois toute l’année observée.',
    ])
    expect(followUpLines(['nb_periodes', 'nb_suivis_connus'], '2026-12-31')).toEqual([
      '**Suivi à 12 mois** : observé pour les périodes commencées jusqu’en 2025 (`nb_suivis_connus`) ; les périodes commencées en 2026 le seront le 31 décembre 2027, une fois toute l’année observée.',
    ])
  })

  it('says nothing for a dataset without follow-up', () => {
    expect(followUpLines(['nb_entrees', 'nb_personnes'], '2026-12-06')).toEqual([])
  })
})

describe('FOLLOW_UPS', () => {
  it('are the catalogue measures with a horizon, each with its population’s cohorts', () => {
    expect(FOLLOW_UPS.map((f) => [f.measure, f.months, f.cohort(2025), f.upTo(2025)])).toEqual([
      ['nb_connus_6m', 6, 'les sorties de 2025', 'les sorties jusqu’à 2025'],
      ['nb_connus_12m', 12, 'les sorties de 2025', 'les sorties jusqu’à 2025'],
      ['nb_suivis_connus', 12, 'les périodes commencées en 2025', 'les périodes commencées jusqu’en 2025'],
    ])
  })
})
