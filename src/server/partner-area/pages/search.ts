import { html } from 'hono/html'
import type { DossierSummary } from '../../../access/search.repository.ts'
import {
  DOSSIER_STATUSES,
  type DossierQuery,
  type Finding,
  MAX_PAGE_SIZE,
  type SearchVocabulary,
} from '../../../access/search.ts'
import { maskNirs } from '../../../lib/nir-mask.ts'
import { frDate, label, STATUS_LABELS } from '../format.ts'
import { dossierLink, type Html, page, wideTable } from '../layout.ts'

type SessionInfo = Parameters<typeof page>[2]

/** The form field that carries a search's NIR, sealed, from one page of results to another. */
export const SEALED_NIR_FIELD = 'nirScelle'
/** The finding of a sealed NIR that does not open (another session's, edited). */
export const SEALED_NIR_INVALID = 'search/sealed-nir-invalid'

const FIELDS: [keyof DossierQuery, string, string][] = [
  ['id', 'Identifiant du dossier', 'text'],
  ['nir', 'NIR (13 ou 15 caractères)', 'text'],
  ['name', 'Nom de naissance ou d’usage (début)', 'text'],
  ['birthDate', 'Date de naissance', 'date'],
  ['startFrom', 'Début prévu à partir du', 'date'],
  ['startTo', 'Début prévu jusqu’au', 'date'],
  ['exitFrom', 'Sortie à partir du', 'date'],
  ['exitTo', 'Sortie jusqu’au', 'date'],
  ['status', 'Statut', 'select'],
  ['dispositif', 'Dispositif', 'select'],
]

/** What a search answered, for the results part of the page. */
export interface SearchOutcome {
  readonly result?: { items: readonly DossierSummary[]; page: number; hasMore: boolean }
  readonly errors?: readonly Finding[]
  /** The NIR searched, sealed (sealed-nir.ts), for the forms of the other pages. */
  readonly sealedNir?: string
}

const LABELS = new Map<string, string>(FIELDS.map(([k, text]) => [k, text]))

/** The fields of the form typed as dates, JJ/MM/AAAA (routes.ts reads them with isoFromFrDate). */
export const DATE_FIELDS: readonly string[] = FIELDS.filter(([, , type]) => type === 'date').map(([k]) => k)

/**
 * A finding of `parseDossierQuery` as the area says it, in French, quoting the value typed
 * (`input`, as the form sent it) except a NIR, and masking a NIR typed into another field.
 */
export function frenchFinding(finding: Finding, input: Readonly<Record<string, string>>): string {
  const key = finding.path.slice(1)
  const field = LABELS.get(key) ?? (key === 'page' ? 'Page' : key === 'pageSize' ? 'Taille de page' : key)
  const typed = `« ${maskNirs(input[key] ?? '').slice(0, 40)} »`
  switch (finding.code) {
    case 'search/unknown-field':
      return `Champ de recherche inconnu : « ${maskNirs(key).slice(0, 40)} ».`
    case 'search/invalid-text':
      return `${field} : de 1 à 100 caractères, sans caractère de contrôle.`
    case 'search/unknown-status':
      return `Statut ${typed} inconnu : choisissez-en un de la liste.`
    case 'search/unknown-dispositif':
      return `Dispositif ${typed} absent de la liste des dispositifs : choisissez-en un de la liste.`
    case 'search/invalid-date':
      return `${field} : ${typed} n’est pas une date du calendrier (JJ/MM/AAAA).`
    case SEALED_NIR_INVALID:
      return 'La recherche par NIR a expiré (votre session a changé) : saisissez à nouveau le NIR.'
    case 'search/invalid-nir':
      return 'NIR : ce n’est pas la forme d’un NIR (13 caractères, ou 15 avec la clé).'
    case 'search/invalid-page':
      return `Page ${typed} : un nombre entier de 1 à 100 000, en chiffres.`
    case 'search/invalid-page-size':
      return `Taille de page ${typed} : un nombre entier de 1 à ${MAX_PAGE_SIZE}, en chiffres.`
    default:
      return `${field} : valeur refusée (${finding.code}).`
  }
}

/**
 * The search form (POST: a NIR never goes in a URL) and, after a search, one page of results.
 * The NIR typed is not written back into any form: the forms of the other pages carry it sealed.
 */
export function searchPage(
  session: SessionInfo & {},
  vocabulary: SearchVocabulary,
  input: Record<string, string>,
  { result, errors = [], sealedNir }: SearchOutcome = {},
): Html {
  const value = (k: string) => (k === 'nir' ? '' : (input[k] ?? ''))
  const other = (p: number) => html`<form method="post" action="/espace-partenaire/recherche" class="page">
<input type="hidden" name="csrf" value="${session.csrfToken}">
${FIELDS.filter(([k]) => k !== 'nir' && input[k]).map(([k]) => html`<input type="hidden" name="${k}" value="${value(k)}">`)}
${sealedNir ? html`<input type="hidden" name="${SEALED_NIR_FIELD}" value="${sealedNir}">` : ''}
${input.pageSize ? html`<input type="hidden" name="pageSize" value="${input.pageSize}">` : ''}
<input type="hidden" name="page" value="${p}"><button type="submit">Page ${p}</button></form>`
  return page(
    'Recherche de vos dossiers',
    html`${errors.length ? html`<div class="erreur" role="alert"><ul>${errors.map((e) => html`<li>${frenchFinding(e, input)}</li>`)}</ul></div>` : ''}
<form method="post" action="/espace-partenaire/recherche" class="champs">
<input type="hidden" name="csrf" value="${session.csrfToken}">
${FIELDS.map(([k, label, type]) => {
  // A text field, not type="date": a browser shows its date picker in its own language and
  // order (mm/dd/yyyy in an English one), where the area writes every date JJ/MM/AAAA.
  if (type === 'date')
    return html`<p><label for="${k}">${label} (JJ/MM/AAAA)</label><input id="${k}" name="${k}" type="text" inputmode="numeric" placeholder="JJ/MM/AAAA" value="${value(k)}" autocomplete="off"></p>`
  if (type !== 'select')
    return html`<p><label for="${k}">${label}</label><input id="${k}" name="${k}" type="${type}" value="${value(k)}" autocomplete="off"></p>`
  const options: [string, string][] =
    k === 'status'
      ? DOSSIER_STATUSES.map((code) => [code, STATUS_LABELS[code] ?? code])
      : [...vocabulary.dispositifs].map(([code, name]) => [code, `${code} — ${name}`])
  return html`<p><label for="${k}">${label}</label><select id="${k}" name="${k}"><option value="">Tous</option>${options.map(([code, text]) => html`<option value="${code}"${code === value(k) ? ' selected' : ''}>${text}</option>`)}</select></p>`
})}
<p><button type="submit">Rechercher</button></p>
</form>
${
  result
    ? html`${wideTable(
        'resultats',
        `Résultats, page ${result.page}`,
        html`<thead><tr><th>Dossier</th><th>Nom de naissance</th><th>Nom d’usage</th><th>Prénoms</th><th>Naissance</th><th>Dispositif</th><th>Statut</th><th>Début prévu</th><th>Sortie</th><th>Dossier partagé</th></tr></thead>
<tbody>${
          result.items.length === 0
            ? html`<tr><td colspan="10">Aucun dossier ne correspond.</td></tr>`
            : result.items.map(
                (d) =>
                  html`<tr><td>${dossierLink(d.id)}</td><td>${d.birthName ?? ''}</td><td>${d.usualName ?? ''}</td><td>${d.firstNames ?? ''}</td><td>${frDate(d.birthDate)}</td><td>${d.dispositif}</td><td>${label(STATUS_LABELS, d.status)}</td><td>${frDate(d.plannedStart)}</td><td>${frDate(d.exitDate)}</td><td>${d.sharedDossierId ? 'oui' : 'non'}</td></tr>`,
              )
        }</tbody>`,
      )}
${result.page > 1 ? other(result.page - 1) : ''}${result.hasMore ? other(result.page + 1) : ''}`
    : ''
}`,
    session,
  )
}
