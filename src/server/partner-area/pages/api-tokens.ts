import { html } from 'hono/html'
import { endsSoon, type TokenEnd, timeLeft, tokensToRenew } from '../../../partners/renewal.ts'
import { plural, timeElement } from '../format.ts'
import { type Html, wideTable } from '../layout.ts'

/** A live token of the partner as its users see it: never the token, which only the operator handed over. */
export interface AreaToken extends TokenEnd {
  readonly issuedAt: Date
}

/** The time to a token's end, rounded up (timeLeft): in hours under 2 days, else in days. */
function inTime(token: TokenEnd, now: Date): string {
  const { unit, count } = timeLeft(token, now)!
  if (unit === 'day') return `dans ${plural(count, 'jour', 'jours')}`
  return count <= 1 ? 'dans moins d’une heure' : `dans ${plural(count, 'heure', 'heures')}`
}

/**
 * What the partner's users must act on about its API tokens, for the top of the quality page: no
 * live token, or the last ones ending soon (tokensToRenew). Empty when all is well.
 */
export function apiTokenNotice(tokens: readonly AreaToken[], now: Date): Html | string {
  if (tokens.length === 0)
    return html`<p class="erreur">Vous n’avez aucun jeton d’API valide : le hub refuse vos transmissions et vos lectures par l’API. Demandez un jeton à l’opérateur du hub.</p>`
  return html`${tokensToRenew(tokens, now).map(
    (t) =>
      html`<p class="erreur">Votre jeton d’API n° ${t.id} expire ${inTime(t, now)} (${timeElement(t.expiresAt!)}) : demandez-en un nouveau à l’opérateur du hub, qui peut laisser l’ancien valable quelques jours, le temps de le remplacer.</p>`,
  )}`
}

/** The section listing the partner's live API tokens, when each was issued and when it ends. */
export function apiTokensSection(tokens: readonly AreaToken[], now: Date): Html {
  return html`<h2>Vos jetons d’API</h2>
<p>Vos logiciels s’authentifient auprès de l’API du hub avec un jeton que l’opérateur vous a remis (il n’est montré qu’une fois et n’est conservé que sous forme d’empreinte). Un jeton expiré est refusé (réponse 401, code <code>auth/expired-token</code>) ; vos logiciels peuvent lire la fin du leur à <code>GET /api/v1/token</code>.</p>
${
  tokens.length === 0
    ? html`<p>Aucun jeton valide.</p>`
    : wideTable(
        'jetons',
        plural(tokens.length, 'jeton valide', 'jetons valides'),
        html`<thead><tr><th>N°</th><th>Délivré le</th><th>Expire le</th></tr></thead>
<tbody>${tokens.map(
          (t) =>
            html`<tr><td>${t.id}</td><td>${timeElement(t.issuedAt)}</td><td>${
              t.expiresAt === null
                ? 'sans échéance (délivré avant que les jetons n’expirent)'
                : html`${timeElement(t.expiresAt)}${endsSoon(t, now) ? ` — ${inTime(t, now)}` : ''}`
            }</td></tr>`,
        )}</tbody>`,
      )
}`
}
