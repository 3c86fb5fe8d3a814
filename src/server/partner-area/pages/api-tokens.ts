import { html } from 'hono/html'
import { plural, timeElement } from '../format.ts'
import type { Html } from '../layout.ts'

/** A live token of the partner as its users see it: never the token, which only the operator handed over. */
export interface AreaToken {
  readonly id: number
  readonly issuedAt: string
  /** Null: issued before tokens expired, valid until the operator rotates it. */
  readonly expiresAt: string | null
}

/** Within this many days of its end, a token is announced to the partner's users. */
export const TOKEN_NOTICE_DAYS = 30

const DAY = 86_400_000

/** The tokens that end within TOKEN_NOTICE_DAYS of `now`, with their days left. */
function endingSoon(tokens: readonly AreaToken[], now: Date): { token: AreaToken; days: number }[] {
  return tokens
    .filter((t) => t.expiresAt !== null && Date.parse(t.expiresAt) - now.getTime() <= TOKEN_NOTICE_DAYS * DAY)
    .map((t) => ({ token: t, days: Math.floor((Date.parse(t.expiresAt!) - now.getTime()) / DAY) }))
}

function inDays(days: number): string {
  return days === 0 ? 'dans moins d’un jour' : `dans ${plural(days, 'jour', 'jours')}`
}

/**
 * What the partner's users must act on about its API tokens, for the top of the quality page: no
 * live token, or one ending soon. Empty when all is well.
 */
export function apiTokenNotice(tokens: readonly AreaToken[], now: Date): Html | string {
  if (tokens.length === 0)
    return html`<p class="erreur">Vous n’avez aucun jeton d’API valide : le hub refuse vos transmissions et vos lectures par l’API. Demandez un jeton à l’opérateur du hub.</p>`
  const soon = endingSoon(tokens, now)
  // A partner with another token valid beyond the notice period has already been given its next one.
  if (soon.length === 0 || soon.length < tokens.length) return ''
  return html`${soon.map(
    ({ token, days }) =>
      html`<p class="erreur">Votre jeton d’API n° ${token.id} expire ${inDays(days)} (${timeElement(token.expiresAt!)}) : demandez-en un nouveau à l’opérateur du hub, qui peut laisser l’ancien valable quelques jours, le temps de le remplacer.</p>`,
  )}`
}

/** The section listing the partner's live API tokens, when each was issued and when it ends. */
export function apiTokensSection(tokens: readonly AreaToken[], now: Date): Html {
  const soon = new Map(endingSoon(tokens, now).map((s) => [s.token.id, s.days]))
  return html`<h2>Vos jetons d’API</h2>
<p>Vos logiciels s’authentifient auprès de l’API du hub avec un jeton que l’opérateur vous a remis (il n’est montré qu’une fois et n’est conservé que sous forme d’empreinte). Un jeton expiré est refusé (réponse 401, code <code>auth/expired-token</code>).</p>
${
  tokens.length === 0
    ? html`<p>Aucun jeton valide.</p>`
    : html`<table><caption>${plural(tokens.length, 'jeton valide', 'jetons valides')}</caption>
<thead><tr><th>N°</th><th>Délivré le</th><th>Expire le</th></tr></thead>
<tbody>${tokens.map(
        (t) =>
          html`<tr><td>${t.id}</td><td>${timeElement(t.issuedAt)}</td><td>${
            t.expiresAt === null
              ? 'sans échéance (délivré avant que les jetons n’expirent)'
              : html`${timeElement(t.expiresAt)}${soon.has(t.id) ? ` — ${inDays(soon.get(t.id)!)}` : ''}`
          }</td></tr>`,
      )}</tbody></table>`
}`
}
