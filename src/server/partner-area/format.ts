import { html } from 'hono/html'
import type { HtmlEscapedString } from 'hono/utils/html'
import { FRENCH_MONTHS } from '../../lib/months.ts'

// The partner area speaks to people in France: dates as they write them, times on the clock of
// Paris (the hub stores UTC), codes of the exchange format named in French. The code stays in the
// page's markup where a partner may need it (it is what their feed sends).

/** Dossier statuses of the exchange format, as the area names them. */
export const STATUS_LABELS: Readonly<Record<string, string>> = {
  ACCEPTE: 'Accepté, pas encore entré',
  ENTRE: 'Entré en formation',
  SORTI: 'Sorti de formation',
  ANNULE: 'Annulé',
}

/** Exit reasons of the exchange format (`exit.reason`). */
export const EXIT_REASON_LABELS: Readonly<Record<string, string>> = {
  FIN_PARCOURS: 'Fin de parcours',
  ABANDON: 'Abandon',
  ABSENCE: 'Absence',
  INTERRUPTION_OF: 'Interruption par l’organisme',
  FORCE_MAJEURE: 'Force majeure',
  EMPLOI_TROUVE: 'Emploi trouvé',
}

/**
 * Statuses at entry (`statusAtEntry`), as `reference/codes/statuts_stagiaire.csv` names them (a
 * test keeps the two alike; the page is rendered without reading files).
 */
export const STATUS_AT_ENTRY_LABELS: Readonly<Record<string, string>> = {
  SAL_PRIVE: 'Salarié du secteur privé',
  SAL_PUBLIC: 'Agent public',
  INDEP: 'Travailleur indépendant / non salarié',
  DE_INDEMNISE: 'Demandeur d’emploi indemnisé (ARE)',
  DE_NON_INDEMNISE: 'Demandeur d’emploi non indemnisé',
  JEUNE_ML: 'Jeune suivi en mission locale (non inscrit France Travail)',
  INACTIF: 'Inactif / autre',
}

/** Certification results of the exchange format (`certificationResult`). */
export const RESULT_LABELS: Readonly<Record<string, string>> = {
  OBTENUE: 'Obtenue',
  PARTIELLE: 'Partielle',
  ECHEC: 'Échec',
  INCONNU: 'Inconnu',
}

/** How a transmission reached the hub, and where it stands. */
export const CHANNEL_LABELS: Readonly<Record<string, string>> = { api: 'API', file: 'fichier' }
export const TRANSMISSION_STATUS_LABELS: Readonly<Record<string, string>> = {
  running: 'en cours',
  done: 'terminée',
  interrupted: 'interrompue',
  abandoned: 'abandonnée par l’opérateur',
  stalled: 'suspendue : aucun lot depuis 10 minutes',
}

/** The label of `code` in `labels`, or the code itself when the list does not name it; '' for none. */
export function label(labels: Readonly<Record<string, string>>, code: string | null | undefined): string {
  if (code === null || code === undefined || code === '') return ''
  return labels[code] ?? code
}

/** A calendar date `YYYY-MM-DD` (or the date part of a timestamp) as `DD/MM/YYYY`; '' for none. */
export function frDate(iso: string | null | undefined): string {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null
  if (!m) return iso ?? ''
  return `${m[3]}/${m[2]}/${m[1]}`
}

/**
 * A date as a person types it in a form, `JJ/MM/AAAA` (`5/6/2023` too), as `YYYY-MM-DD`; anything
 * else as it is, for the search to take (an ISO date) or refuse quoting it. The calendar is
 * checked by the search, not here: `31/02/2024` becomes `2024-02-31`, which it refuses.
 */
export function isoFromFrDate(text: string): string {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text)
  return m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : text
}

const PARIS = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
})

/** A month `YYYY-MM` as French writes it, `janvier 2024`; anything else as it is. */
export function frMonth(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month)
  const name = m ? FRENCH_MONTHS[Number(m[2]) - 1] : undefined
  return m && name ? `${name} ${m[1]}` : month
}

/** An instant as Paris reads it, `DD/MM/YYYY HH:MM`, whatever the server's time zone. */
export function frDateTime(instant: string | Date): string {
  const d = typeof instant === 'string' ? new Date(instant) : instant
  if (Number.isNaN(d.getTime())) return String(instant)
  return PARIS.format(d).replace(',', '')
}

/** An instant in a `<time>` element: Paris time for the reader, the exact UTC instant in its markup. */
export function timeElement(instant: string | Date): HtmlEscapedString | Promise<HtmlEscapedString> {
  const d = typeof instant === 'string' ? new Date(instant) : instant
  if (Number.isNaN(d.getTime())) return html`${String(instant)}`
  return html`<time datetime="${d.toISOString()}">${frDateTime(d)}</time>`
}

/** `n` and the noun agreeing with it, French style: 0 and 1 take the singular. */
export function plural(n: number, singular: string, pluralForm: string): string {
  return `${n.toLocaleString('fr-FR')} ${n > 1 ? pluralForm : singular}`
}
