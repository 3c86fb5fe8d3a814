import { html } from 'hono/html'
import type { Summarised } from '../../../access/summaries.ts'
import { timeElement } from '../format.ts'
import type { Html } from '../layout.ts'

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
