import { html } from 'hono/html'
import type { DossierSummary } from '../../../access/search.repository.ts'
import {
  DOSSIER_STATUSES,
  type DossierQuery,
  type Finding,
  type SearchVocabulary,
} from '../../../access/search.ts'
import { frDate, label, STATUS_LABELS } from '../format.ts'
import { dossierLink, type Html, page, wideTable } from '../layout.ts'

type SessionInfo = Parameters<typeof page>[2]

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

/**
 * The search form (POST: a NIR never goes in a URL) and, after a search, one page of results.
 * The NIR typed is not written back into the form.
 */
export function searchPage(
  session: SessionInfo & {},
  vocabulary: SearchVocabulary,
  input: Record<string, string>,
  result?: { items: readonly DossierSummary[]; page: number; hasMore: boolean },
  errors: readonly Finding[] = [],
): Html {
  const value = (k: string) => (k === 'nir' ? '' : (input[k] ?? ''))
  const hidden = (p: number) => html`<form method="post" action="/espace-partenaire/recherche">
<input type="hidden" name="csrf" value="${session.csrfToken}">
${FIELDS.filter(([k]) => k !== 'nir' && input[k]).map(([k]) => html`<input type="hidden" name="${k}" value="${value(k)}">`)}
<input type="hidden" name="page" value="${p}"><button type="submit">Page ${p}</button></form>`
  return page(
    'Recherche de vos dossiers',
    html`${errors.length ? html`<div class="erreur" role="alert"><ul>${errors.map((e) => html`<li>${e.message}</li>`)}</ul></div>` : ''}
<form method="post" action="/espace-partenaire/recherche" class="champs">
<input type="hidden" name="csrf" value="${session.csrfToken}">
${FIELDS.map(([k, label, type]) => {
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
        html`<thead><tr><th>Dossier</th><th>Nom</th><th>Prénoms</th><th>Naissance</th><th>Dispositif</th><th>Statut</th><th>Début prévu</th><th>Sortie</th><th>Dossier partagé</th></tr></thead>
<tbody>${
          result.items.length === 0
            ? html`<tr><td colspan="9">Aucun dossier ne correspond.</td></tr>`
            : result.items.map(
                (d) =>
                  html`<tr><td>${dossierLink(d.id)}</td><td>${d.birthName ?? ''}</td><td>${d.firstNames ?? ''}</td><td>${frDate(d.birthDate)}</td><td>${d.dispositif}</td><td>${label(STATUS_LABELS, d.status)}</td><td>${frDate(d.plannedStart)}</td><td>${frDate(d.exitDate)}</td><td>${d.sharedDossierId ? 'oui' : 'non'}</td></tr>`,
              )
        }</tbody>`,
      )}
${result.page > 1 ? hidden(result.page - 1) : ''}${result.hasMore ? hidden(result.page + 1) : ''}`
    : ''
}`,
    session,
  )
}
