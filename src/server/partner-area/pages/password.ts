import { html } from 'hono/html'
import { type Html, page } from '../layout.ts'

type SessionInfo = Parameters<typeof page>[2] & {}

/**
 * The form that changes the signed-in user's password: the current one, the new one twice. The
 * fields are never written back into the page. `required`: the operator chose the password, and
 * the user must replace it before anything else.
 */
export function passwordPage(session: SessionInfo, errors: readonly string[] = [], required = false): Html {
  return page(
    'Changer de mot de passe',
    html`${errors.length ? html`<div class="erreur" role="alert"><ul>${errors.map((e) => html`<li>${e}</li>`)}</ul></div>` : ''}
${required ? html`<p class="info">Votre mot de passe a été choisi par l’opérateur du hub, qui le connaît : choisissez le vôtre avant de consulter vos données.</p>` : ''}
<p>Le nouveau mot de passe compte au moins 12 caractères. Une fois changé, toutes vos sessions sont fermées, celle-ci comprise : reconnectez-vous avec le nouveau.</p>
<form method="post" action="/espace-partenaire/mot-de-passe" class="champs">
<input type="hidden" name="csrf" value="${session.csrfToken}">
<p><label for="actuel">Mot de passe actuel</label><input id="actuel" name="actuel" type="password" autocomplete="current-password" required></p>
<p><label for="nouveau">Nouveau mot de passe</label><input id="nouveau" name="nouveau" type="password" autocomplete="new-password" minlength="12" required></p>
<p><label for="confirmation">Nouveau mot de passe, à nouveau</label><input id="confirmation" name="confirmation" type="password" autocomplete="new-password" minlength="12" required></p>
<p><button type="submit">Changer le mot de passe</button></p>
</form>`,
    session,
  )
}
