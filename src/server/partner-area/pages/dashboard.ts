import { html } from 'hono/html'
import type { CepDashboard, CepDashboardLine } from '../../../access/cep-dashboard.repository.ts'
import type { Dashboard, DashboardLine } from '../../../access/dashboard.repository.ts'
import type { Summarised } from '../../../access/summaries.ts'
import { frMonth, label, STATUS_AT_ENTRY_LABELS } from '../format.ts'
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

function cepTable(
  id: string,
  caption: string,
  head: string,
  lines: readonly CepDashboardLine[],
  name: (key: string) => string = (key) => key,
): Html {
  return wideTable(
    id,
    caption,
    html`<thead><tr><th scope="col">${head}</th><th class="n" scope="col">Périodes</th><th class="n" scope="col">Terminées</th><th class="n" scope="col">Projet formalisé</th></tr></thead>
<tbody>${lines.map(
      (l) =>
        html`<tr><th scope="row">${name(l.key)}</th><td class="n">${count(l.periods)}</td><td class="n">${count(l.ended)}</td><td class="n">${percent(l.formalisedRate)}</td></tr>`,
    )}</tbody>`,
  )
}

/** CEP levels of the exchange format (`level`). */
const CEP_LEVEL_LABELS: Readonly<Record<string, string>> = {
  '1': 'Niveau 1 : accueil individualisé',
  '2': 'Niveau 2 : accompagnement personnalisé',
}
const SEX_LABELS: Readonly<Record<string, string>> = { F: 'Femmes', M: 'Hommes' }
const AGE_BAND_LABELS: Readonly<Record<string, string>> = {
  moins_26: 'moins de 26 ans',
  '26_44': '26 à 44 ans',
  '45_plus': '45 ans ou plus',
}

// `F:moins_26` → `Femmes, moins de 26 ans`.
function sexAge(key: string): string {
  const [sex = '', band = ''] = key.split(':')
  return `${label(SEX_LABELS, sex)}, ${label(AGE_BAND_LABELS, band)}`
}

/** The names a dashboard gives codes: dispositifs (`PRF` → its label) and régions (`84` → its name). */
export interface DashboardNames {
  readonly dispositifs?: ReadonlyMap<string, string>
  readonly regions?: ReadonlyMap<string, string>
}

/** The dashboards a page shows: on the partner's dossiers, on its CEP periods, or both. */
export interface DashboardFigures {
  readonly dossiers?: Summarised<Dashboard>
  readonly cep?: Summarised<CepDashboard>
}

function dossierSection(summary: Summarised<Dashboard>, dispositifs: ReadonlyMap<string, string>): Html {
  const d = summary.body
  return html`<p>Vos dossiers (hors annulés), sans secret statistique : ce sont vos propres données. Taux de certification parmi les sortis au résultat connu ; emploi salarié à 6 mois parmi les sortis depuis au moins 6 mois (contrat DSN couvrant la date). Les statistiques publiques, elles, ne comptent une année de sortie qu’une fois toutes ses sorties observées.</p>
${summaryNote('Chiffres', summary)}
${table('ensemble', 'Ensemble', 'Total', [d.total], () => 'Tous vos dossiers')}
${table('par-dispositif', 'Par dispositif', 'Dispositif', d.byDispositif, (code) => {
  const label = dispositifs.get(code)
  return label ? `${code} — ${label}` : code
})}
${table('par-mois', 'Par mois de début prévu', 'Mois', d.byMonth, frMonth)}`
}

function cepSection(summary: Summarised<CepDashboard>, regions: ReadonlyMap<string, string>): Html {
  const d = summary.body
  return html`<h2>Accompagnements CEP</h2>
<p>Vos périodes d’accompagnement en conseil en évolution professionnelle (hors annulées), sans secret statistique : ce sont vos propres données. Projet formalisé : part des périodes terminées pour ce motif. Âge au début de la période ; région de la commune de résidence.</p>
<p>La part des périodes suivies d’une entrée en formation dans les 12 mois n’est pas donnée ici : elle se lit sur les dossiers des financeurs, qui ne sont pas vos données, et elle dirait, pour une personne que vous accompagnez, si elle est entrée en formation ailleurs. Le jeu de données public « Conseil en évolution professionnelle (CEP) » la publie par opérateur, sous secret statistique.</p>
${summaryNote('Chiffres', summary)}
${cepTable('cep-ensemble', 'Ensemble', 'Total', [d.total], () => 'Toutes vos périodes')}
${cepTable('cep-par-annee', 'Par année de début', 'Année', d.byYear)}
${cepTable('cep-par-mois', 'Par mois de début', 'Mois', d.byMonth, frMonth)}
${cepTable('cep-par-statut', 'Par statut à l’entrée', 'Statut', d.byStatusAtEntry, (code) => label(STATUS_AT_ENTRY_LABELS, code))}
${cepTable('cep-par-niveau', 'Par niveau d’accompagnement', 'Niveau', d.byLevel, (code) => label(CEP_LEVEL_LABELS, code))}
${cepTable('cep-par-sexe-age', 'Par sexe et âge au début', 'Sexe et âge', d.bySexAge, sexAge)}
${cepTable('cep-par-region', 'Par région de résidence', 'Région', d.byRegion, (code) =>
  code === '' ? 'Commune hors du référentiel des communes' : (regions.get(code) ?? code),
)}`
}

/**
 * The partner's dashboards on its own data (no suppression: it is its own data), as last computed:
 * on its dossiers for a funder, on its CEP periods for a CEP operator, both for a partner that
 * sends both (`figures` holds those to show; see sourcesShown of src/access/record-sources.ts).
 * `names` names the dispositif and région codes.
 */
export function dashboardPage(
  session: SessionInfo,
  figures: DashboardFigures,
  names: DashboardNames = {},
): Html {
  const { dossiers, cep } = figures
  const dispositifs = names.dispositifs ?? new Map()
  const regions = names.regions ?? new Map()
  const body =
    dossiers && cep
      ? html`<h2>Dossiers de formation</h2>
${dossierSection(dossiers, dispositifs)}
${cepSection(cep, regions)}`
      : dossiers
        ? dossierSection(dossiers, dispositifs)
        : cep
          ? cepSection(cep, regions)
          : html``
  return page('Tableau de bord', body, session)
}
