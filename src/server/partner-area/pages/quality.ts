import { html } from 'hono/html'
import type { QualityView } from '../../../access/quality.repository.ts'
import { count, type Html, page, wideTable } from '../layout.ts'

type SessionInfo = Parameters<typeof page>[2] & {}

/** The partner's data-quality view: transmissions, acceptance and rejections by rule over time, identities, offers. */
export function qualityPage(session: SessionInfo, q: QualityView): Html {
  return page(
    'Qualité de vos données',
    html`<h2>Identités</h2>
<p>${count(q.identities.notCertified)} de vos ${count(q.identities.records)} dossiers et périodes CEP ont une identité non certifiée par le SNGI.</p>
<h2>Offres inconnues du catalogue</h2>
<p>${count(q.unknownOffers.count)} dossier(s) citent une offre que le catalogue ne connaît pas.</p>
${q.unknownOffers.sample.length ? html`<ul>${q.unknownOffers.sample.map((o) => html`<li><a href="/espace-partenaire/dossiers/${encodeURIComponent(o.id)}">${o.id}</a> : ${o.offerRef}</li>`)}</ul>` : ''}
${wideTable(
  'par-mois',
  'Enregistrements acceptés et rejetés par mois',
  html`<thead><tr><th>Mois</th><th class="n">Acceptés</th><th class="n">Rejetés</th></tr></thead>
<tbody>${q.byMonth.map((m) => html`<tr><th scope="row">${m.month}</th><td class="n">${count(m.accepted)}</td><td class="n">${count(m.rejected)}</td></tr>`)}</tbody>`,
)}
${wideTable(
  'par-regle',
  'Rejets par règle et par mois',
  html`<thead><tr><th>Mois</th><th>Règle</th><th class="n">Rejets</th></tr></thead>
<tbody>${q.rejectionsByRule.map((r) => html`<tr><td>${r.month}</td><td><code>${r.code}</code></td><td class="n">${count(r.count)}</td></tr>`)}</tbody>`,
)}
${wideTable(
  'transmissions',
  'Vos 50 dernières transmissions',
  html`<thead><tr><th>N°</th><th>Canal</th><th>Source</th><th>État</th><th>Début</th><th class="n">Lignes</th><th class="n">Acceptées</th><th class="n">Inchangées</th><th class="n">Rejetées</th></tr></thead>
<tbody>${q.transmissions.map((t) => html`<tr><td>${t.id}</td><td>${t.channel}</td><td>${t.source ?? ''}</td><td>${t.status}</td><td>${t.startedAt}</td><td class="n">${count(t.lines)}</td><td class="n">${count(t.accepted)}</td><td class="n">${count(t.unchanged)}</td><td class="n">${count(t.rejected)}</td></tr>`)}</tbody>`,
)}`,
    session,
  )
}
