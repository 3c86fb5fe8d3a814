import { html } from 'hono/html'
import { type Html, page } from '../layout.ts'

const TEXTS = {
  dossier: 'Aucun de vos dossiers ne correspond à cette adresse.',
  page: 'Aucune page de l’espace partenaire ne correspond à cette adresse.',
} as const

/**
 * The area's 404, in its signed-in layout. For a dossier (`what` 'dossier', the default), the
 * answer for one that is not the caller's is exactly the one for a dossier that does not exist.
 */
export function notFoundPage(
  session: Parameters<typeof page>[2] & {},
  what: keyof typeof TEXTS = 'dossier',
): Html {
  return page(
    'Page introuvable',
    html`<p>${TEXTS[what]}</p><p><a href="/espace-partenaire/recherche">Retour à la recherche</a></p>`,
    session,
  )
}
