import { html } from 'hono/html'
import type { Dashboard, DashboardLine } from '../../../access/dashboard.repository.ts'
import type { Summarised } from '../../../access/summaries.ts'
import { frMonth } from '../format.ts'
import { count, type Html, page, percent, wideTable } from '../layout.ts'
import { summaryNote } from './summary-note.ts'

type SessionInfo = Parameters<typeof page>[2] & {}

function table(
  id: string,
  caption: string,
  head: string,
  lines: readonly DashboardLine[],
  name: (key: string) => string = (key) => key,
): Html {
  return wideTable(
    id,
    caption,
    html`<thead><tr><th scope="col">${head}</th><th class="n" scope="col">Dossiers</th><th class="n" scope="col">Sortis</th><th class="n" scope="col">Certification obtenue</th><th class="n" scope="col">En emploi salarié à 6 mois</th></tr></thead>
<tbody>${lines.map(
      (l) =>
        html`<tr><th scope="row">${name(l.key)}</th><td class="n">${count(l.dossiers)}</td><td class="n">${count(l.exited)}</td><td class="n">${percent(l.certifiedRate)}</td><td class="n">${percent(l.employed6Rate)}</td></tr>`,
    )}</tbody>`,
  )
}

/**
 * The partner's dashboards on its own dossiers (no suppression: it is its own data), as last
 * computed; `dispositifs` names the dispositif codes (`PRF — Programme régional de formation …`).
 */
export function dashboardPage(
  session: SessionInfo,
  summary: Summarised<Dashboard>,
  dispositifs: ReadonlyMap<string, string> = new Map(),
): Html {
  const d = summary.body
  return page(
    'Tableau de bord',
    html`<p>Vos dossiers (hors annulés), sans secret statistique : ce sont vos propres données. Taux de certification parmi les sortis au résultat connu ; emploi salarié à 6 mois parmi les sortis depuis au moins 6 mois (contrat DSN couvrant la date). Les statistiques publiques, elles, ne comptent une année de sortie qu’une fois toutes ses sorties observées.</p>
${summaryNote('Chiffres', summary)}
${table('ensemble', 'Ensemble', 'Total', [d.total], () => 'Tous vos dossiers')}
${table('par-dispositif', 'Par dispositif', 'Dispositif', d.byDispositif, (code) => {
  const label = dispositifs.get(code)
  return label ? `${code} — ${label}` : code
})}
${table('par-mois', 'Par mois de début prévu', 'Mois', d.byMonth, frMonth)}`,
    session,
  )
}
