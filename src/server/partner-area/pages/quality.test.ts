import { describe, expect, it } from 'vitest'
import type { QualityView } from '../../../access/quality.repository.ts'
import { qualityPage } from './quality.ts'
import { mainText } from './test-text.ts'

const session = { partnerName: 'Région Test', email: 'r@example.fr', csrfToken: 'x' }

const view: QualityView = {
  lastRejections: [
    {
      receivedAt: '2026-12-05T23:44:00.000Z',
      transmissionId: 33,
      channel: 'file',
      position: 1207,
      recordId: 'R84-2024-1',
      errors: [
        {
          path: '/dispositif',
          code: 'code/unknown-dispositif',
          message: 'dispositif "XX" is not in the code list',
        },
        { path: '/exit', code: 'dossier/exit-required', message: 'exit is required when status is SORTI' },
      ],
    },
    {
      receivedAt: '2026-07-01T10:00:00.000Z',
      transmissionId: 30,
      channel: 'api',
      position: 0,
      recordId: null,
      errors: [{ path: '', code: 'record/not-an-object', message: 'the record is not a JSON object' }],
    },
  ],
  identities: {
    records: 496,
    notCertified: 3,
    sample: [
      { type: 'dossier', id: 'R84-1' },
      { type: 'cep', id: 'C-1' },
    ],
  },
  referentials: {
    unknownOffer: { count: 21, sample: [{ id: 'R84-2', offerRef: '84_AF_1' }] },
    offerOrganismDiffers: { count: 0, sample: [] },
    unknownSiret: null,
    ndaDiffers: null,
    unknownCertification: { count: 1, sample: [{ id: 'R84-3', code: 'RNCP99999' }] },
    inactiveCertification: {
      count: 1,
      sample: [
        {
          id: 'R84-4',
          code: 'RNCP30001',
          start: '2025-03-03',
          activeFrom: '2019-06-01',
          activeTo: '2024-05-31',
        },
      ],
    },
  },
  byMonth: [{ month: '2026-12', accepted: 1610, rejected: 20 }],
  rejectionsByRule: [{ month: '2026-12', code: 'dossier/exit-required', count: 2 }],
  transmissions: [
    {
      id: 34,
      channel: 'file',
      source: 'R84-2.ndjson',
      status: 'stalled',
      startedAt: '2026-12-06T00:10:00.000Z',
      lines: 4000,
      accepted: 4000,
      unchanged: 0,
      rejected: 0,
    },
    {
      id: 33,
      channel: 'file',
      source: 'R84.ndjson',
      status: 'done',
      startedAt: '2026-12-05T23:44:00.000Z',
      lines: 1641,
      accepted: 1610,
      unchanged: 11,
      rejected: 20,
    },
  ],
}

const computed = { computedAt: '2026-12-06T00:30:00.000Z', refreshing: false }
const now = new Date('2026-12-06T10:00:00Z')
const tokens = {
  live: [{ id: 7, issuedAt: new Date('2026-11-28T09:00:00Z'), expiresAt: new Date('2027-11-28T09:00:00Z') }],
  now,
}

describe('the data-quality page', () => {
  it('shows each last rejection finding by finding, where it was in its transmission, in Paris time, with labels in French', async () => {
    expect(await mainText(qualityPage(session, view, computed, tokens))).toEqual([
      'Qualité de vos données',
      'Identités, contrôles des référentiels et rejets par règle : calculés le 06/12/2026 01:30.',
      'Derniers enregistrements rejetés',
      'Vos 2 derniers rejets, du plus récent au plus ancien',
      'Reçu le | Transmission | Position | Dossier | Règle | Champ | Message',
      '06/12/2026 00:44 | n° 33 | ligne 1 207 | R84-2024-1 | code/unknown-dispositif | /dispositif | dispositif "XX" is not in the code list',
      '06/12/2026 00:44 | n° 33 | ligne 1 207 | R84-2024-1 | dossier/exit-required | /exit | exit is required when status is SORTI',
      '01/07/2026 12:00 | n° 30 | enregistrement n° 1 du lot | | record/not-an-object | | the record is not a JSON object',
      'Identités',
      '3 de vos 496 dossiers et périodes CEP ont une identité non certifiée par le SNGI (le répertoire n’a pas, pour ce NIR, le même nom de naissance, la même date de naissance et le même sexe).',
      'Les 2 premiers, par identifiant :',
      'R84-1',
      'période CEP C-1',
      'Offres, organismes et certifications',
      'Vos dossiers, dans leur dernière version, comparés au catalogue des offres de formation, au référentiel des organismes et au répertoire des certifications chargés dans le hub.',
      'Offres inconnues du catalogue',
      '21 dossiers citent une offre que le catalogue ne connaît pas. Le premier, par identifiant :',
      'R84-2 : offre 84_AF_1',
      'Organisme différent de celui de l’offre',
      'Aucun de vos dossiers.',
      'Organismes inconnus du référentiel',
      'Le référentiel des organismes n’est pas chargé dans le hub : ce contrôle attend son premier chargement.',
      'NDA différent de celui du référentiel',
      'Le référentiel des organismes n’est pas chargé dans le hub : ce contrôle attend son premier chargement.',
      'Certifications inconnues du répertoire',
      '1 dossier vise une certification que le répertoire chargé ne connaît pas.',
      'R84-3 : certification RNCP99999',
      'Certifications hors de leur période d’enregistrement',
      '1 dossier vise une certification qui n’était pas enregistrée au répertoire à la date d’entrée en formation (ou, à défaut, de début prévu).',
      'R84-4 : certification RNCP30001, début le 03/03/2025 (enregistrée du 01/06/2019 au 31/05/2024)',
      'Enregistrements acceptés et rejetés par mois',
      'Mois | Acceptés | Rejetés',
      'décembre 2026 | 1 610 | 20',
      'Rejets par règle et par mois',
      'Mois | Règle | Ce qu’elle vérifie | Rejets',
      'décembre 2026 | dossier/exit-required | exit is missing while status is SORTI | 2',
      'Vos 50 dernières transmissions',
      'N° | Canal | Source | État | Début | Lignes | Acceptées | Inchangées | Rejetées',
      '34 | fichier | R84-2.ndjson | suspendue : aucun lot depuis 10 minutes | 06/12/2026 01:10 | 4 000 | 4 000 | 0 | 0',
      '33 | fichier | R84.ndjson | terminée | 06/12/2026 00:44 | 1 641 | 1 610 | 11 | 20',
      'Vos jetons d’API',
      'Vos logiciels s’authentifient auprès de l’API du hub avec un jeton que l’opérateur vous a remis (il n’est montré qu’une fois et n’est conservé que sous forme d’empreinte). Un jeton expiré est refusé (réponse 401, code auth/expired-token) ; vos logiciels peuvent lire la fin du leur à GET /api/v1/token.',
      '1 jeton valide',
      'N° | Délivré le | Expire le',
      '7 | 28/11/2026 10:00 | 28/11/2027 10:00',
    ])
  })

  it('says so when nothing was rejected and every identity is certified', async () => {
    const clean = { ...view, lastRejections: [], identities: { records: 1, notCertified: 0, sample: [] } }
    expect((await mainText(qualityPage(session, clean, computed, tokens))).slice(2, 6)).toEqual([
      'Derniers enregistrements rejetés',
      'Aucun enregistrement rejeté.',
      'Identités',
      '0 de vos 1 dossier ou période CEP a une identité non certifiée par le SNGI (le répertoire n’a pas, pour ce NIR, le même nom de naissance, la même date de naissance et le même sexe).',
    ])
  })

  it('warns at the top, soonest first, when the partner’s last tokens end within 30 days, or none is left; the time left rounded up, in hours under 2 days', async () => {
    const ending = {
      live: [
        { id: 7, issuedAt: new Date('2025-12-20T09:00:00Z'), expiresAt: new Date('2026-12-20T09:00:00Z') },
        { id: 8, issuedAt: new Date('2025-12-06T09:00:00Z'), expiresAt: new Date('2026-12-06T23:00:00Z') },
      ],
      now,
    }
    const text = await mainText(qualityPage(session, view, computed, ending))
    expect(text.slice(1, 3)).toEqual([
      'Votre jeton d’API n° 8 expire dans 13 heures (07/12/2026 00:00) : demandez-en un nouveau à l’opérateur du hub, qui peut laisser l’ancien valable quelques jours, le temps de le remplacer.',
      'Votre jeton d’API n° 7 expire dans 14 jours (20/12/2026 10:00) : demandez-en un nouveau à l’opérateur du hub, qui peut laisser l’ancien valable quelques jours, le temps de le remplacer.',
    ])
    expect(text.slice(-2)).toEqual([
      '7 | 20/12/2025 10:00 | 20/12/2026 10:00 — dans 14 jours',
      '8 | 06/12/2025 10:00 | 07/12/2026 00:00 — dans 13 heures',
    ])
    const none = await mainText(qualityPage(session, view, computed, { live: [], now }))
    expect([none[1], ...none.slice(-2)]).toEqual([
      'Vous n’avez aucun jeton d’API valide : le hub refuse vos transmissions et vos lectures par l’API. Demandez un jeton à l’opérateur du hub.',
      'Vos logiciels s’authentifient auprès de l’API du hub avec un jeton que l’opérateur vous a remis (il n’est montré qu’une fois et n’est conservé que sous forme d’empreinte). Un jeton expiré est refusé (réponse 401, code auth/expired-token) ; vos logiciels peuvent lire la fin du leur à GET /api/v1/token.',
      'Aucun jeton valide.',
    ])
  })

  it('does not warn when a token ending soon has a successor, nor for one without an end', async () => {
    const rotated = {
      live: [
        { id: 7, issuedAt: new Date('2025-12-20T09:00:00Z'), expiresAt: new Date('2026-12-20T09:00:00Z') },
        { id: 9, issuedAt: new Date('2026-12-05T09:00:00Z'), expiresAt: new Date('2027-12-05T09:00:00Z') },
        { id: 3, issuedAt: new Date('2026-11-28T09:00:00Z'), expiresAt: null },
      ],
      now,
    }
    const text = await mainText(qualityPage(session, view, computed, rotated))
    expect(text[1]).toBe(
      'Identités, contrôles des référentiels et rejets par règle : calculés le 06/12/2026 01:30.',
    )
    expect(text.slice(-5)).toEqual([
      '3 jetons valides',
      'N° | Délivré le | Expire le',
      '7 | 20/12/2025 10:00 | 20/12/2026 10:00 — dans 14 jours',
      '9 | 05/12/2026 10:00 | 05/12/2027 10:00',
      '3 | 28/11/2026 10:00 | sans échéance (délivré avant que les jetons n’expirent)',
    ])
  })
})
