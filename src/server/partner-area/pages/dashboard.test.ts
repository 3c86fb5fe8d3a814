import { describe, expect, it } from 'vitest'
import { dashboardPage } from './dashboard.ts'
import { computingPage } from './summary-note.ts'
import { mainText } from './test-text.ts'

const session = { partnerName: 'Région Test', email: 'r@example.fr', csrfToken: 'x' }

const cepLine = (key: string, periods: number, ended: number, formalisedRate: number | null) => ({
  key,
  periods,
  ended,
  formalisedRate,
})

// A CEP operator's figures, one line of each table.
const cepFigures = {
  body: {
    total: cepLine('total', 1500, 4, 0.75),
    byYear: [cepLine('2024', 1500, 4, 0.75)],
    byMonth: [cepLine('2024-03', 1500, 4, 0.75)],
    byStatusAtEntry: [cepLine('SAL_PRIVE', 1200, 4, 0.75), cepLine('NOUVEAU', 300, 0, null)],
    byLevel: [cepLine('1', 500, 0, null), cepLine('2', 1000, 4, 0.75)],
    bySexAge: [cepLine('F:moins_26', 900, 4, 0.75), cepLine('M:45_plus', 600, 0, null)],
    byRegion: [cepLine('84', 1400, 4, 0.75), cepLine('', 100, 0, null)],
  },
  computedAt: '2026-12-06T02:10:00.000Z',
  refreshing: false,
}

const CEP_TEXT = [
  'Accompagnements CEP',
  'Vos périodes d’accompagnement en conseil en évolution professionnelle (hors annulées), sans secret statistique : ce sont vos propres données. Projet formalisé : part des périodes terminées pour ce motif. Âge au début de la période ; région de la commune de résidence.',
  'La part des périodes suivies d’une entrée en formation dans les 12 mois n’est pas donnée ici : elle se lit sur les dossiers des financeurs, qui ne sont pas vos données, et elle dirait, pour une personne que vous accompagnez, si elle est entrée en formation ailleurs. Le jeu de données public « Conseil en évolution professionnelle (CEP) » la publie par opérateur, sous secret statistique.',
  'Chiffres calculés le 06/12/2026 03:10.',
  'Ensemble',
  'Total | Périodes | Terminées | Projet formalisé',
  'Toutes vos périodes | 1 500 | 4 | 75,0 %',
  'Par année de début',
  'Année | Périodes | Terminées | Projet formalisé',
  '2024 | 1 500 | 4 | 75,0 %',
  'Par mois de début',
  'Mois | Périodes | Terminées | Projet formalisé',
  'mars 2024 | 1 500 | 4 | 75,0 %',
  'Par statut à l’entrée',
  'Statut | Périodes | Terminées | Projet formalisé',
  'Salarié du secteur privé | 1 200 | 4 | 75,0 %',
  'NOUVEAU | 300 | 0 | —',
  'Par niveau d’accompagnement',
  'Niveau | Périodes | Terminées | Projet formalisé',
  'Niveau 1 : accueil individualisé | 500 | 0 | —',
  'Niveau 2 : accompagnement personnalisé | 1 000 | 4 | 75,0 %',
  'Par sexe et âge au début',
  'Sexe et âge | Périodes | Terminées | Projet formalisé',
  'Femmes, moins de 26 ans | 900 | 4 | 75,0 %',
  'Hommes, 45 ans ou plus | 600 | 0 | —',
  'Par région de résidence',
  'Région | Périodes | Terminées | Projet formalisé',
  'Auvergne-Rhône-Alpes | 1 400 | 4 | 75,0 %',
  'Commune hors du référentiel des communes | 100 | 0 | —',
]

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
          dossiers: {
            body: {
              total: line('total', 2 / 3),
              byDispositif: [line('PRF', 0.25), line('NOUVEAU', null)],
              byMonth: [line('2024-01', 1)],
            },
            computedAt: '2026-12-06T02:10:00.000Z',
            refreshing: false,
          },
        },
        { dispositifs: new Map([['PRF', 'Programme régional de formation']]) },
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
        dossiers: {
          body: { total: empty, byDispositif: [], byMonth: [] },
          computedAt: '2026-07-01T08:05:00.000Z',
          refreshing: true,
        },
      }),
    )
    expect(text[2]).toBe(
      'Chiffres calculés le 01/07/2026 10:05. Vos données ont changé depuis : ces chiffres sont en cours de mise à jour, rechargez la page dans quelques instants.',
    )
  })

  it('shows a CEP operator its periods by year, month, status, level, sex and age, région, with French names, and no dossier table', async () => {
    const text = await mainText(
      dashboardPage(session, { cep: cepFigures }, { regions: new Map([['84', 'Auvergne-Rhône-Alpes']]) }),
    )
    expect(text).toEqual(['Tableau de bord', ...CEP_TEXT])
  })

  it('shows a partner that sends both its dossiers first, then its CEP periods, each under its heading', async () => {
    const line = { key: 'total', dossiers: 2, exited: 0, certifiedRate: null, employed6Rate: null }
    const dossiers = {
      body: { total: line, byDispositif: [], byMonth: [] },
      computedAt: '2026-12-06T02:10:00.000Z',
      refreshing: false,
    }
    const text = await mainText(
      dashboardPage(
        session,
        { dossiers, cep: cepFigures },
        { regions: new Map([['84', 'Auvergne-Rhône-Alpes']]) },
      ),
    )
    expect(text.slice(0, 8)).toEqual([
      'Tableau de bord',
      'Dossiers de formation',
      expect.stringMatching(/^Vos dossiers \(hors annulés\)/),
      'Chiffres calculés le 06/12/2026 03:10.',
      'Ensemble',
      'Total | Dossiers | Sortis | Certification obtenue | En emploi salarié à 6 mois',
      'Tous vos dossiers | 2 | 0 | — | —',
      'Par dispositif',
    ])
    expect(text.slice(text.indexOf('Accompagnements CEP'))).toEqual(CEP_TEXT)
  })

  it('says the figures are being computed for the first time, with a link to the page again', async () => {
    const page = String(await computingPage(session, 'Tableau de bord', '/espace-partenaire/tableau-de-bord'))
    expect((await mainText(computingPage(session, 'Tableau de bord', '/x'))).slice(1)).toEqual([
      'Vos chiffres sont calculés pour la première fois, sur l’ensemble de vos dossiers : cela peut prendre jusqu’à une minute pour les plus grands portefeuilles. Rechargez la page dans quelques instants.',
    ])
    expect(page).toContain('<a href="/espace-partenaire/tableau-de-bord">Rechargez la page</a>')
  })

  it('says what the figures being computed are on: a CEP operator’s periods', async () => {
    const page = computingPage(session, 'Tableau de bord', '/x', 'vos périodes d’accompagnement CEP')
    expect((await mainText(page)).slice(1)).toEqual([
      'Vos chiffres sont calculés pour la première fois, sur l’ensemble de vos périodes d’accompagnement CEP : cela peut prendre jusqu’à une minute pour les plus grands portefeuilles. Rechargez la page dans quelques instants.',
    ])
  })
})
