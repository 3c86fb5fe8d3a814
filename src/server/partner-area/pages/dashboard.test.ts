import { describe, expect, it } from 'vitest'
import { dashboardPage } from './dashboard.ts'
import { mainText } from './test-text.ts'

const session = { partnerName: 'Région Test', email: 'r@example.fr', csrfToken: 'x' }

describe('the dashboard page', () => {
  it('names the dispositifs, and writes rates as French percentages with a dash where none is known', async () => {
    const line = (key: string, certifiedRate: number | null) => ({
      key,
      dossiers: 1200,
      exited: 3,
      certifiedRate,
      employed6Rate: 0.5,
    })
    const text = await mainText(
      dashboardPage(
        session,
        {
          total: line('total', 2 / 3),
          byDispositif: [line('PRF', 0.25), line('NOUVEAU', null)],
          byMonth: [line('2024-01', 1)],
        },
        new Map([['PRF', 'Programme régional de formation']]),
      ),
    )
    expect(text.slice(2)).toEqual([
      'Ensemble',
      'Total | Dossiers | Sortis | Certification obtenue | En emploi salarié à 6 mois',
      'Tous vos dossiers | 1 200 | 3 | 66,7 % | 50 %',
      'Par dispositif',
      'Dispositif | Dossiers | Sortis | Certification obtenue | En emploi salarié à 6 mois',
      'PRF — Programme régional de formation | 1 200 | 3 | 25 % | 50 %',
      'NOUVEAU | 1 200 | 3 | — | 50 %',
      'Par mois de début prévu',
      'Mois | Dossiers | Sortis | Certification obtenue | En emploi salarié à 6 mois',
      '2024-01 | 1 200 | 3 | 100 % | 50 %',
    ])
  })
})
