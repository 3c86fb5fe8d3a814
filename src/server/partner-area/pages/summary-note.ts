import { html } from 'hono/html'
import type { Summarised } from '../../../access/summaries.ts'
import { timeElement } from '../format.ts'
import { type Html, page } from '../layout.ts'

/**
 * When figures kept as a summary were computed (`what`: which figures), and, when the data changed
 * since, that newer ones are on the way.
 */
export function summaryNote(what: string, s: Pick<Summarised<unknown>, 'computedAt' | 'refreshing'>): Html {
  return html`<p>${what} calculés le ${timeElement(s.computedAt)}.${
    s.refreshing
      ? ' Vos données ont changé depuis : ces chiffres sont en cours de mise à jour, rechargez la page dans quelques instants.'
      : ''
  }</p>`
}

/**
 * The page answered while a partner's first summary is still being computed: what is happening and
 * how to get the figures (`path`: this page again; `records`: what they are computed on).
 */
export function computingPage(
  session: Parameters<typeof page>[2] & {},
  title: string,
  path: string,
  records = 'vos dossiers',
): Html {
  return page(
    title,
    html`<p role="status">Vos chiffres sont calculés pour la première fois, sur l’ensemble de ${records} : cela peut prendre jusqu’à une minute pour les plus grands portefeuilles. <a href="${path}">Rechargez la page</a> dans quelques instants.</p>`,
    session,
  )
}
