import { html } from 'hono/html'
import type { QualityView } from '../../../access/quality.repository.ts'
import type { Summarised } from '../../../access/summaries.ts'
import { ingestRuleCodes } from '../../../ingest/outcome.ts'
import { ruleCodes } from '../../../ingest/validate/index.ts'
import { CHANNEL_LABELS, frMonth, label, plural, TRANSMISSION_STATUS_LABELS, timeElement } from '../format.ts'
import { count, dossierLink, type Html, page, wideTable } from '../layout.ts'
import { type AreaToken, apiTokenNotice, apiTokensSection } from './api-tokens.ts'
import { referentialFlagsSection } from './referential-flags.ts'
import { summaryNote } from './summary-note.ts'

type SessionInfo = Parameters<typeof page>[2] & {}

// The rules' one-line meanings are those of the API's messages and of `passerelle status`: English,
// marked as such so that a screen reader reads them in English.
function meaning(code: string): Html | string {
  const text = ruleCodes[code] ?? ingestRuleCodes[code]
  return text ? html`<span lang="en">${text}</span>` : ''
}

function where(r: QualityView['lastRejections'][number]): string {
  return r.channel === 'file'
    ? `ligne ${count(r.position)}`
    : `enregistrement n° ${count(r.position + 1)} du lot`
}

function identities(q: QualityView['identities']): Html {
  const dossiers = q.sample.filter((s) => s.type === 'dossier')
  const periods = q.sample.filter((s) => s.type === 'cep')
  return html`<p>${count(q.notCertified)} de vos ${plural(q.records, 'dossier ou période CEP', 'dossiers et périodes CEP')} ${q.notCertified > 1 ? 'ont une identité non certifiée' : 'a une identité non certifiée'} par le SNGI (le répertoire n’a pas, pour ce NIR, le même nom de naissance, la même date de naissance et le même sexe).</p>
${
  q.sample.length
    ? html`<p>${q.sample.length < q.notCertified ? `Les ${q.sample.length} premiers, par identifiant :` : 'Lesquels :'}</p>
<ul>${dossiers.map((s) => html`<li>${dossierLink(s.id)}</li>`)}${periods.map((s) => html`<li>période CEP ${s.id}</li>`)}</ul>`
    : ''
}`
}

/**
 * The partner's data-quality view: its last rejections with their findings, identities, offers,
 * transmissions, rejections by rule over time; `summary` says when the figures on the whole stock
 * (identities, referential checks, rejections by rule) were computed; `tokens`, the partner's live
 * API tokens, announced at the top when none is left or the last ones end soon.
 */
export function qualityPage(
  session: SessionInfo,
  q: QualityView,
  summary: Pick<Summarised<unknown>, 'computedAt' | 'refreshing'>,
  tokens: { readonly live: readonly AreaToken[]; readonly now: Date },
): Html {
  return page(
    'Qualité de vos données',
    html`${apiTokenNotice(tokens.live, tokens.now)}${summaryNote('Identités, contrôles des référentiels et rejets par règle :', summary)}
<h2>Derniers enregistrements rejetés</h2>
${
  q.lastRejections.length === 0
    ? html`<p>Aucun enregistrement rejeté.</p>`
    : wideTable(
        'derniers-rejets',
        `Vos ${plural(q.lastRejections.length, 'dernier rejet', 'derniers rejets')}, du plus récent au plus ancien`,
        html`<thead><tr><th>Reçu le</th><th>Transmission</th><th>Position</th><th>Dossier</th><th>Règle</th><th>Champ</th><th>Message</th></tr></thead>
<tbody>${q.lastRejections.flatMap((r) =>
          r.errors.map(
            (e) =>
              html`<tr><td>${timeElement(r.receivedAt)}</td><td>n° ${r.transmissionId}</td><td>${where(r)}</td><td>${r.recordId ?? ''}</td><td><code>${e.code}</code></td><td><code>${e.path}</code></td><td lang="en">${e.message}</td></tr>`,
          ),
        )}</tbody>`,
      )
}
<h2>Identités</h2>
${identities(q.identities)}
${referentialFlagsSection(q.referentials)}
${wideTable(
  'par-mois',
  'Enregistrements acceptés et rejetés par mois',
  html`<thead><tr><th>Mois</th><th class="n">Acceptés</th><th class="n">Rejetés</th></tr></thead>
<tbody>${q.byMonth.map((m) => html`<tr><th scope="row">${frMonth(m.month)}</th><td class="n">${count(m.accepted)}</td><td class="n">${count(m.rejected)}</td></tr>`)}</tbody>`,
)}
${wideTable(
  'par-regle',
  'Rejets par règle et par mois',
  html`<thead><tr><th>Mois</th><th>Règle</th><th>Ce qu’elle vérifie</th><th class="n">Rejets</th></tr></thead>
<tbody>${q.rejectionsByRule.map((r) => html`<tr><td>${frMonth(r.month)}</td><td><code>${r.code}</code></td><td>${meaning(r.code)}</td><td class="n">${count(r.count)}</td></tr>`)}</tbody>`,
)}
${wideTable(
  'transmissions',
  'Vos 50 dernières transmissions',
  html`<thead><tr><th>N°</th><th>Canal</th><th>Source</th><th>État</th><th>Début</th><th class="n">Lignes</th><th class="n">Acceptées</th><th class="n">Inchangées</th><th class="n">Rejetées</th></tr></thead>
<tbody>${q.transmissions.map((t) => html`<tr><td>${t.id}</td><td>${label(CHANNEL_LABELS, t.channel)}</td><td>${t.source ?? ''}</td><td>${label(TRANSMISSION_STATUS_LABELS, t.status)}</td><td>${timeElement(t.startedAt)}</td><td class="n">${count(t.lines)}</td><td class="n">${count(t.accepted)}</td><td class="n">${count(t.unchanged)}</td><td class="n">${count(t.rejected)}</td></tr>`)}</tbody>`,
)}
${apiTokensSection(tokens.live, tokens.now)}`,
    session,
  )
}
