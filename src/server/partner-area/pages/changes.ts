import { html } from 'hono/html'
import type { ChangeView } from '../../../access/changes.repository.ts'
import { label, plural, STATUS_LABELS, timeElement } from '../format.ts'
import { dossierLink, type Html, page, wideTable } from '../layout.ts'

type SessionInfo = Parameters<typeof page>[2] & {}

/**
 * The change feed: what co-funders changed on the caller's shared dossiers, oldest first; `next`
 * (null when the caller is up to date) continues it.
 */
export function changesPage(
  session: SessionInfo,
  changes: readonly ChangeView[],
  next: string | null,
  partners: ReadonlyMap<string, string> = new Map(),
): Html {
  return page(
    'Changements des cofinanceurs',
    html`<p>Les versions envoyées par les autres partenaires sur les dossiers partagés auxquels vous contribuez, dans l’ordre où le hub les a enregistrées (une version apparaît dès que les écritures commencées avant elle sont terminées).</p>
${wideTable(
  'changements',
  next
    ? `${plural(changes.length, 'changement', 'changements')} sur cette page`
    : plural(changes.length, 'changement', 'changements'),
  html`<thead><tr><th>Reçu le</th><th>Partenaire</th><th>Son dossier</th><th>Version</th><th>Statut</th><th>Vos dossiers</th></tr></thead>
<tbody>${changes.map(
    (ch) =>
      html`<tr><td>${timeElement(ch.receivedAt)}</td><td>${partners.get(ch.partner) ?? ch.partner}</td><td>${ch.record}</td><td class="n">${ch.version}</td><td>${label(STATUS_LABELS, ch.status)}</td><td>${ch.yourRecords.map((id, i) => html`${i ? ', ' : ''}${dossierLink(id)}`)}</td></tr>`,
  )}</tbody>`,
)}
${
  next
    ? html`<p>${changes.length === 0 ? 'Aucun changement pour vous dans cette partie de l’historique du hub. ' : ''}<a href="/espace-partenaire/changements?depuis=${encodeURIComponent(next)}">Changements suivants</a></p>`
    : html`<p>Vous êtes à jour.</p>`
}`,
    session,
  )
}

/**
 * The answer to a `depuis` cursor that does not open: edited, cut, from another partner or made
 * under another secret of the hub (a hub restarted without PASSERELLE_SECRET makes a new one).
 * The feed can only be read again from its start.
 */
export function invalidCursorPage(session: SessionInfo): Html {
  return page(
    'Lien de suite invalide ou expiré',
    html`<p>Le lien « Changements suivants » que vous avez suivi n’est pas valide : il a été modifié, il vient d’un autre partenaire, ou il a expiré (le hub a changé de clé depuis qu’il l’a donné).</p>
<p><a href="/espace-partenaire/changements">Reprendre les changements depuis le début</a></p>`,
    session,
  )
}
