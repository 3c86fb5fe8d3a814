import { html } from 'hono/html'
import { type Html, page } from '../layout.ts'

/** The sign-in page, with an optional message (wrong credentials, too many attempts, signed out). */
export function signInPage(csrf: string, message?: { kind: 'erreur' | 'info'; text: string }): Html {
  return page(
    'Connexion',
    html`${message ? html`<p class="${message.kind}" role="${message.kind === 'erreur' ? 'alert' : 'status'}">${message.text}</p>` : ''}
<form method="post" action="/espace-partenaire/connexion">
<input type="hidden" name="csrf" value="${csrf}">
<p><label for="email">Adresse électronique</label>
<input id="email" name="email" type="email" autocomplete="username" required></p>
<p><label for="password">Mot de passe</label>
<input id="password" name="password" type="password" autocomplete="current-password" required></p>
<p><button type="submit">Se connecter</button></p>
</form>
<p>Les comptes sont créés par l’opérateur du hub (<code>passerelle users add</code>).</p>`,
  )
}
