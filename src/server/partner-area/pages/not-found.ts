import { html } from 'hono/html'
import { type Html, page } from '../layout.ts'

/** The answer for a dossier that is not the caller's, exactly as for one that does not exist. */
export function notFoundPage(session: Parameters<typeof page>[2] & {}): Html {
  return page(
    'Page introuvable',
    html`<p>Aucun de vos dossiers ne correspond à cette adresse.</p><p><a href="/espace-partenaire/recherche">Retour à la recherche</a></p>`,
    session,
  )
}
