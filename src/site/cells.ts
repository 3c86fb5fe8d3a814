import { formatInterval, formatValue, type ValueKind } from './format.ts'
import { escapeAttribute, escapeHtml } from './html.ts'
import type { Row } from './published.ts'

/** What each suppression status means, for the title of a secret cell. */
export const STATUS_MEANINGS: Readonly<Record<string, string>> = {
  A: 'secret primaire : trop peu de personnes (ou taux sur un trop petit effectif)',
  B: 'secret primaire : un organisme domine la valeur',
  D: 'secret secondaire : masquée pour qu’une autre cellule secrète ne puisse être recalculée',
}

/** Short meanings, for the title of each secret cell (the about page gives the long ones). */
const STATUS_SHORT: Readonly<Record<string, string>> = {
  A: 'secret primaire, effectif trop faible',
  B: 'secret primaire, dominance',
  D: 'secret secondaire',
}

/** The page (from the site root) that explains the disclosure rules. */
export const DISCLOSURE_RULES_PATH = 'a-propos/index.html#secret-statistique'

/** A table cell that says "secret", hatched, explained and linked to the disclosure rules. */
export function secretCell(status: string, root: string): string {
  const meaning = STATUS_SHORT[status] ?? 'valeur masquée'
  return `<td class="num secret"><a href="${escapeAttribute(root + DISCLOSURE_RULES_PATH)}"><abbr title="${escapeAttribute(`Secret statistique : ${meaning}`)}">secret</abbr></a></td>`
}

/** Whether a row's measure is suppressed (status other than `V`). */
export function isSecret(row: Row | undefined, measure: string): boolean {
  const status = row?.[`${measure}_statut`]
  return typeof status === 'string' && status !== 'V'
}

/**
 * The `<td>` of a measure in a row: the formatted value; "secret" for a suppressed value (never 0,
 * never blank); "n.d." when a published rate has a zero denominator; a dash when the row is absent.
 */
export function valueCell(row: Row | undefined, measure: string, kind: ValueKind, root: string): string {
  if (!row) return '<td class="num"><abbr title="aucune donnée publiée pour cette cellule">–</abbr></td>'
  const status = row[`${measure}_statut`]
  if (typeof status === 'string' && status !== 'V') return secretCell(status, root)
  const value = row[measure]
  if (typeof value !== 'number')
    return '<td class="num"><abbr title="non défini : dénominateur nul">n.d.</abbr></td>'
  return `<td class="num">${escapeHtml(formatValue(value, kind))}</td>`
}

/** The `<td>` of a rate's 95 % confidence interval (secret when the rate is). */
export function intervalCell(row: Row | undefined, measure: string, root: string): string {
  if (!row) return '<td class="num">–</td>'
  const status = row[`${measure}_statut`]
  if (typeof status === 'string' && status !== 'V') return secretCell(status, root)
  const low = row[`${measure}_ic_bas`]
  const high = row[`${measure}_ic_haut`]
  if (typeof low !== 'number' || typeof high !== 'number') return '<td class="num">–</td>'
  return `<td class="num">${escapeHtml(formatInterval(low, high))}</td>`
}

/** The legend every page with data tables carries. */
export function secretLegend(root: string): string {
  return `<p class="legend"><span class="swatch-secret secret" aria-hidden="true"></span><strong>secret</strong> : secret statistique. La valeur existe mais n’est pas diffusée, pour qu’aucune personne ne puisse être reconnue ; ce n’est ni un zéro ni une absence de données. <a href="${escapeAttribute(root + DISCLOSURE_RULES_PATH)}">Les règles de protection</a>. <abbr title="non défini">n.d.</abbr> : taux non défini : aucune personne au dénominateur, ou, pour un taux d’emploi ou de passage à la formation, une année pas encore entièrement observée.</p>`
}

/** A rate and its 95 % interval in one `<td>` (for wide comparison tables). */
export function rateCell(row: Row | undefined, measure: string, root: string): string {
  const value = valueCell(row, measure, 'rate', root)
  const low = row?.[`${measure}_ic_bas`]
  const high = row?.[`${measure}_ic_haut`]
  if (!value.startsWith('<td class="num">') || typeof low !== 'number' || typeof high !== 'number')
    return value
  return value.replace('</td>', ` <span class="ci">${escapeHtml(formatInterval(low, high))}</span></td>`)
}
