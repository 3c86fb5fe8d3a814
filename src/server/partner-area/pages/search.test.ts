import { describe, expect, it } from 'vitest'
import type { DossierSummary } from '../../../access/search.repository.ts'
import { parseDossierQuery, type SearchVocabulary } from '../../../access/search.ts'
import { frenchFinding, SEALED_NIR_FIELD, searchPage } from './search.ts'
import { mainText } from './test-text.ts'

const session = { partnerName: 'Région Test', email: 'r@example.fr', csrfToken: 'jeton' }
const vocabulary: SearchVocabulary = { dispositifs: new Map([['CPF', 'Compte personnel de formation']]) }

const item = (id: string, usualName: string | null): DossierSummary => ({
  id,
  sharedDossierId: null,
  birthName: 'DUPONT',
  usualName,
  firstNames: 'Marie',
  birthDate: '1985-05-14',
  dispositif: 'CPF',
  status: 'SORTI',
  plannedStart: '2024-01-08',
  exitDate: null,
})

describe('the search page', () => {
  it('writes the birth name and the usual name of each person, each in its column', async () => {
    const text = await mainText(
      searchPage(
        session,
        vocabulary,
        { name: 'martin' },
        {
          result: { items: [item('A-1', 'MARTIN'), item('A-2', null)], page: 1, hasMore: false },
        },
      ),
    )
    expect(text.slice(-3)).toEqual([
      'Dossier | Nom de naissance | Nom d’usage | Prénoms | Naissance | Dispositif | Statut | Début prévu | Sortie | Dossier partagé',
      'A-1 | DUPONT | MARTIN | Marie | 14/05/1985 | CPF | Sorti de formation | 08/01/2024 | | non',
      'A-2 | DUPONT | | Marie | 14/05/1985 | CPF | Sorti de formation | 08/01/2024 | | non',
    ])
  })

  it('carries a NIR search to its other pages in POST forms with the CSRF token and its page size, the NIR sealed, never in clear', async () => {
    const markup = String(
      await searchPage(
        session,
        vocabulary,
        { nir: '2850575056048', status: 'SORTI', page: '2', pageSize: '1' },
        {
          result: { items: [item('A-1', null)], page: 2, hasMore: true },
          sealedNir: 'scelle',
        },
      ),
    )
    const forms = [
      ...markup.matchAll(
        /<form method="post" action="\/espace-partenaire\/recherche" class="page">([\s\S]*?)<\/form>/g,
      ),
    ]
    const fields = forms.map((f) =>
      [...f[1]!.matchAll(/name="([^"]+)" value="([^"]*)"/g)].map((m) => `${m[1]}=${m[2]}`),
    )
    expect([fields, markup.includes('2850575056048')]).toEqual([
      [
        ['csrf=jeton', 'status=SORTI', `${SEALED_NIR_FIELD}=scelle`, 'pageSize=1', 'page=1'],
        ['csrf=jeton', 'status=SORTI', `${SEALED_NIR_FIELD}=scelle`, 'pageSize=1', 'page=3'],
      ],
      false,
    ])
  })

  it('says every finding of a search in French, quoting what was typed, never a NIR', () => {
    const input = {
      status: 'FINI',
      dispositif: '2850575056048',
      birthDate: '2024-02-30',
      nir: '12',
      page: '1e3',
      pageSize: '0',
      tri: 'nom',
    }
    const parsed = parseDossierQuery({ ...input, page: '1e3', pageSize: '0' }, vocabulary)
    const errors = 'errors' in parsed ? parsed.errors : []
    expect(errors.map((e) => frenchFinding(e, input))).toEqual([
      'Champ de recherche inconnu : « tri ».',
      'Statut « FINI » inconnu : choisissez-en un de la liste.',
      'Dispositif « [NIR] » absent de la liste des dispositifs : choisissez-en un de la liste.',
      'Date de naissance : « 2024-02-30 » n’est pas une date du calendrier (JJ/MM/AAAA).',
      'NIR : ce n’est pas la forme d’un NIR (13 caractères, ou 15 avec la clé).',
      'Page « 1e3 » : un nombre entier de 1 à 100 000, en chiffres.',
      'Taille de page « 0 » : un nombre entier de 1 à 100, en chiffres.',
    ])
  })
})
