import { html } from 'hono/html'
import { type Html, page } from '../layout.ts'

/**
 * The area's answer to a form refused by the CSRF check (its token missing, of another session, or
 * sent from another site), in its signed-in layout: nothing was done with it, and `back` leads to a
 * fresh form: the form's own page (`href`, and `label` naming it), or the area's home.
 */
export function formRefusedPage(
  session: Parameters<typeof page>[2] & {},
  back: { readonly href: string; readonly label: string },
): Html {
  return page(
    'Formulaire refusé',
    html`<p>Le formulaire n’a pas été traité : son jeton de sécurité est absent ou périmé, ou il vient d’un autre site. Cela arrive quand la page a été ouverte avant votre dernière connexion. Rouvrez la page et envoyez le formulaire à nouveau.</p>
<p><a href="${back.href}">${back.label}</a></p>`,
    session,
  )
}
