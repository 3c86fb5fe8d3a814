import { describe, expect, it } from 'vitest'
import { changesPage, invalidCursorPage } from './changes.ts'
import { mainText } from './test-text.ts'

const session = { partnerName: 'Région Test', email: 'r@example.fr', csrfToken: 'x' }

const change = (version: number, status: string | null) => ({
  sharedDossierId: 'CDC:MCF-1',
  yourRecords: ['R84-1', 'R84-2'],
  partner: 'CDC',
  record: 'MCF-1',
  version,
  status,
  updatedAt: '2026-12-05T23:00:00.000Z',
  receivedAt: '2026-12-05T23:44:33.859Z',
})

describe('the change feed page', () => {
  it('names the co-funder, its status in French, the time in Paris, and says when more pages follow', async () => {
    const text = await mainText(
      changesPage(
        session,
        [change(1, 'ACCEPTE'), change(2, 'SORTI')],
        'next-cursor',
        new Map([['CDC', 'Caisse des Dépôts']]),
      ),
    )
    expect(text.slice(2)).toEqual([
      '2 changements sur cette page',
      'Reçu le | Partenaire | Son dossier | Version | Statut | Vos dossiers',
      '06/12/2026 00:44 | Caisse des Dépôts | MCF-1 | 1 | Accepté, pas encore entré | R84-1, R84-2',
      '06/12/2026 00:44 | Caisse des Dépôts | MCF-1 | 2 | Sorti de formation | R84-1, R84-2',
      'Changements suivants',
    ])
  })

  it('says the partner is up to date on the last page', async () => {
    const text = await mainText(changesPage(session, [change(1, null)], null))
    expect([text[2], text[4], text.at(-1)]).toEqual([
      '1 changement',
      '06/12/2026 00:44 | CDC | MCF-1 | 1 | | R84-1, R84-2',
      'Vous êtes à jour.',
    ])
  })
})

describe('the page of a cursor that does not open', () => {
  it('says the link is invalid or expired and leads to the start of the feed, not to a missing page', async () => {
    const main = String(await invalidCursorPage(session)).split('<main')[1] ?? ''
    expect([
      await mainText(invalidCursorPage(session)),
      [...main.matchAll(/href="([^"]*)"/g)].map((m) => m[1]),
    ]).toEqual([
      [
        'Lien de suite invalide ou expiré',
        'Le lien « Changements suivants » que vous avez suivi n’est pas valide : il a été modifié, il vient d’un autre partenaire, ou il a expiré (le hub a changé de clé depuis qu’il l’a donné).',
        'Reprendre les changements depuis le début',
      ],
      ['/espace-partenaire/changements'],
    ])
  })
})
