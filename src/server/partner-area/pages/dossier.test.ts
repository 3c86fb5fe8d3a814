import { raw } from 'hono/html'
import { describe, expect, it } from 'vitest'
import type { DossierView } from '../../../access/dossier.repository.ts'
import { dossierPage } from './dossier.ts'
import { mainText } from './test-text.ts'

const session = { partnerName: 'Région Test', email: 'r@example.fr', csrfToken: 'x' }

const current = {
  status: 'SORTI',
  dispositif: 'CPF_ABONDE',
  plannedStart: '2023-06-05',
  plannedEnd: '2023-06-07',
  entryDate: '2023-06-05',
  exitDate: '2023-06-07',
  exitReason: 'INTERRUPTION_OF',
  certificationCode: 'RNCP30494',
  certificationResult: 'PARTIELLE',
  organismSiret: '48041262414533',
  committed: 1250.5,
  funding: [
    { funder: 'R84', committed: 1000 },
    { funder: 'CDC', committed: 250.5 },
  ],
  version: 3,
  updatedAt: '2023-06-18T13:04:37.000Z',
}

const view: DossierView = {
  id: 'R84-1',
  sharedDossierId: null,
  person: {
    nir: '1900375123456',
    birthName: 'BERTRAND',
    usualName: null,
    firstNames: 'ENZO',
    birthDate: '1990-03-14',
    sex: 'M',
  },
  contributions: [
    {
      partner: { code: 'R84', name: 'Région Test' },
      id: 'R84-1',
      yours: true,
      current,
      history: [
        {
          version: 3,
          updatedAt: '2023-06-18T13:04:37.000Z',
          receivedAt: '2023-06-18T13:05:00.000Z',
          payload: {},
        },
      ],
    },
  ],
  outcomes: {
    certification: 'PARTIELLE',
    exitDate: '2023-06-07',
    certificationFrom: { partner: 'R84', id: 'R84-1' },
    exitFrom: { partner: 'R84', id: 'R84-1' },
    employment: { '6': { known: false }, '12': { known: false } },
  },
}

describe('the dossier page', () => {
  it('writes dates the French way, times in Paris time, and names the codes of the exchange format', async () => {
    const text = await mainText(dossierPage(session, view))
    expect(text.slice(0, 8)).toEqual([
      'Dossier R84-1',
      'Personne',
      'BERTRAND ENZO, né le 14/03/1990',
      'Contributions des cofinanceurs',
      'Dossier non partagé',
      'Partenaire | Dossier | Statut | Dispositif | Début prévu | Fin prévue | Entrée | Sortie | Motif de sortie | Certification | Résultat | Organisme | Montant engagé (€) | Dont, par financeur (€) | Version | Modifié le',
      'Région Test (vous) | R84-1 | Sorti de formation | CPF_ABONDE | 05/06/2023 | 07/06/2023 | 05/06/2023 | 07/06/2023 | Interruption par l’organisme | RNCP30494 | Partielle | SIRET 48041262414533 | 1 250,5 | R84 1 000 · CDC 250,5 | 3 | 18/06/2023 15:04',
      'Historique',
    ])
    expect(text.slice(8)).toEqual([
      'Région Test — R84-1 : 1 version',
      'version 3, modifiée le 18/06/2023 15:04, reçue le 18/06/2023 15:05 aucun champ',
      'JSON reçu (sans l’identité en clair)',
      '{}',
      'Résultats',
      'Certification : partielle. Sortie : le 07/06/2023.',
      'Emploi salarié après la sortie (DSN)',
      'Horizon | Situation | En emploi salarié | Emploi durable | Accès à l’emploi',
      '6 mois | pas encore connu',
      '12 mois | pas encore connu',
    ])
  })

  it('says at each horizon whether the person was in training, which the API gives as its situation', async () => {
    const known = (situation: 'emploi' | 'en_formation' | 'sans_emploi_salarie', salaried: boolean) =>
      ({ known: true, salaried, lasting: false, access: salaried, situation }) as const
    const outcomes = {
      ...view.outcomes,
      employment: { '6': known('en_formation', false), '12': known('emploi', true) },
    }
    const text = await mainText(dossierPage(session, { ...view, outcomes }))
    expect(text.slice(-2)).toEqual([
      '6 mois | en formation (une autre formation couvre la date) | non | non | non',
      '12 mois | en emploi salarié | oui | non | oui',
    ])
  })

  it('gives the certification its title and the organism its name when the referentials hold them', async () => {
    const names = {
      certifications: new Map([['RNCP30494', 'Brevet professionnel Chargé de communication']]),
      organisms: new Map([['48041262414533', 'AFPA Lyon']]),
    }
    const row = (await mainText(dossierPage(session, view, names)))[6]
    expect(row?.split(' | ').slice(9, 12)).toEqual([
      'RNCP30494 — Brevet professionnel Chargé de communication',
      'Partielle',
      'AFPA Lyon (SIRET 48041262414533)',
    ])
  })

  it('shows each version of the history as French fields, the JSON received only folded beneath', async () => {
    const history = [
      {
        version: 3,
        updatedAt: '2023-06-18T13:04:37.000Z',
        receivedAt: '2023-06-18T13:05:00.000Z',
        payload: { status: 'SORTI', exit: { date: '2023-06-07', reason: 'ABANDON' } },
      },
    ]
    const markup = String(
      await dossierPage(session, { ...view, contributions: [{ ...view.contributions[0]!, history }] }),
    )
    const version = /<li>version 3[\s\S]*?<\/li><\/ol><\/details>/.exec(markup)?.[0] ?? ''
    expect(await mainText(raw(`<main>${version.replace(/<(ul|ol)>/g, '<br><$1>')}</main>`))).toEqual([
      'version 3, modifiée le 18/06/2023 15:04, reçue le 18/06/2023 15:05',
      'Statut : Sorti de formation',
      'Sortie :',
      'Date : 07/06/2023',
      'Motif : Abandon',
      'JSON reçu (sans l’identité en clair)',
      '{',
      '"status": "SORTI",',
      '"exit": {',
      '"date": "2023-06-07",',
      '"reason": "ABANDON"',
      '}',
      '}',
    ])
    expect(/<details><summary>JSON reçu[^<]*<\/summary><pre>/.test(version)).toBe(true)
  })

  it('names the co-funder’s record an outcome comes from, not the caller’s own', async () => {
    const cofunded: DossierView = {
      ...view,
      contributions: [
        ...view.contributions,
        {
          ...view.contributions[0]!,
          partner: { code: 'CDC', name: 'Caisse des Dépôts' },
          id: 'CPF-9',
          yours: false,
        },
      ],
      outcomes: { ...view.outcomes, certificationFrom: { partner: 'CDC', id: 'CPF-9' } },
    }
    const text = await mainText(dossierPage(session, cofunded))
    expect(text.find((l) => l.startsWith('Certification :'))).toBe(
      'Certification : partielle (selon le dossier CPF-9 de Caisse des Dépôts). Sortie : le 07/06/2023.',
    )
  })

  it('says née for a woman, and that the result and the exit are not known yet', async () => {
    const woman: DossierView = {
      ...view,
      person: { ...view.person!, sex: 'F' },
      outcomes: {
        certification: null,
        exitDate: null,
        certificationFrom: null,
        exitFrom: null,
        employment: null,
      },
    }
    const text = await mainText(dossierPage(session, woman))
    expect([text[2], text.at(-1)]).toEqual([
      'BERTRAND ENZO, née le 14/03/1990',
      'Certification : résultat inconnu. Sortie : pas encore.',
    ])
  })
})
