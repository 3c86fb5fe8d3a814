import { html } from 'hono/html'
import { type Html, page } from '../layout.ts'

/**
 * The answer to a form over `maxBytes`, refused before it is read (so before the session is: the
 * page has no navigation). Nothing was done with it.
 */
export function tooLargePage(maxBytes: number): Html {
  return page(
    'Formulaire trop volumineux',
    html`<p>Le formulaire envoyé dépasse ${Math.round(maxBytes / 1024)} Kio : il n’a pas été traité. Revenez à la page précédente et raccourcissez ce que vous avez saisi.</p>
<p><a href="/espace-partenaire/">Retour à l’espace partenaire</a></p>`,
  )
}
