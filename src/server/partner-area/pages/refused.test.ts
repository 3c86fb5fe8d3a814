import { describe, expect, it } from 'vitest'
import { formRefusedPage } from './refused.ts'
import { mainText } from './test-text.ts'

const session = { partnerName: 'Partenaire Test', email: 'p@example.fr', csrfToken: 'x' }

describe('the page of a form refused by the CSRF check', () => {
  it('says in French that nothing was done and why, and links back to a fresh form', async () => {
    const page = formRefusedPage(session, {
      href: '/espace-partenaire/recherche',
      label: 'Revenir à la recherche',
    })
    const markup = String(await page)
    expect([
      await mainText(page),
      markup.includes('<html lang="fr">'),
      markup.includes('<nav aria-label="Menu principal">'),
      markup.includes('<a href="/espace-partenaire/recherche">Revenir à la recherche</a>'),
    ]).toEqual([
      [
        'Formulaire refusé',
        'Le formulaire n’a pas été traité : son jeton de sécurité est absent ou périmé, ou il vient d’un autre site. Cela arrive quand la page a été ouverte avant votre dernière connexion. Rouvrez la page et envoyez le formulaire à nouveau.',
        'Revenir à la recherche',
      ],
      true,
      true,
      true,
    ])
  })
})
