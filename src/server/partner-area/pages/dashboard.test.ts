import { describe, expect, it } from 'vitest'
import { dashboardPage } from './dashboard.ts'
import { computingPage } from './summary-note.ts'
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
          body: {
            total: line('total', 2 / 3),
            byDispositif: [line('PRF', 0.25), line('NOUVEAU', null)],
            byMonth: [line('2024-01', 1)],
          },
          computedAt: '2026-12-06T02:10:00.000Z',
          refreshing: false,
        },
        new Map([['PRF', 'Programme régional de formation']]),
      ),
    )
    expect(text.slice(2)).toEqual([
      'Chiffres calculés le 06/12/2026 03:10.',
      'Ensemble',
      'Total | Dossiers | Sortis | Certification obtenue | En emploi salarié à 6 mois',
      'Tous vos dossiers | 1 200 | 3 | 66,7 % | 50,0 %',
      'Par dispositif',
      'Dispositif | Dossiers | Sortis | Certification obtenue | En emploi salarié à 6 mois',
      'PRF — Programme régional de formation | 1 200 | 3 | 25,0 % | 50,0 %',
      'NOUVEAU | 1 200 | 3 | — | 50,0 %',
      'Par mois de début prévu',
      'Mois | Dossiers | Sortis | Certification obtenue | En emploi salarié à 6 mois',
      'janvier 2024 | 1 200 | 3 | 100,0 % | 50,0 %',
    ])
  })

  it('says when its figures were computed, and that newer ones are on the way when the data changed since', async () => {
    const empty = { key: 'total', dossiers: 0, exited: 0, certifiedRate: null, employed6Rate: null }
    const text = await mainText(
      dashboardPage(session, {
        body: { total: empty, byDispositif: [], byMonth: [] },
        computedAt: '2026-07-01T08:05:00.000Z',
        refreshing: true,
      }),
    )
    expect(text[2]).toBe(
      'Chiffres calculés le 01/07/2026 10:05. Vos données ont changé depuis : ces chiffres sont en cours de mise à jour, rechargez la page dans quelques instants.',
    )
  })

  it('says the figures are being computed for the first time, with a link to the page again', async () => {
    const page = String(await computingPage(session, 'Tableau de bord', '/espace-partenaire/tableau-de-bord'))
    expect((await mainText(computingPage(session, 'Tableau de bord', '/x'))).slice(1)).toEqual([
      'Vos chiffres sont calculés pour la première fois, sur l’ensemble de vos dossiers : cela peut prendre jusqu’à une minute pour les plus grands portefeuilles. Rechargez la page dans quelques instants.',
    ])
    expect(page).toContain('<a href="/espace-partenaire/tableau-de-bord">Rechargez la page</a>')
  })
})
