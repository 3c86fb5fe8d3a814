import { lastObservedYear } from '../../publish/indicators/cohort.ts'
import { rateCell, secretLegend } from '../cells.ts'
import { CROSS_TABLE_ATTRIBUTE, type CrossTableSpec } from '../cross-table.ts'
import { renderDataTable } from '../data-table.ts'
import { tableDownloads } from '../downloads.ts'
import { renderFigure, tableUrl } from '../figure.ts'
import { findTable, type TableRef } from '../find-table.ts'
import { escapeHtml, join, jsonAttribute } from '../html.ts'
import { labeller } from '../labels.ts'
import type { Published } from '../published.ts'
import { slice } from '../table-rows.ts'

const ROOT = '../'

interface Rate {
  readonly measure: string
  readonly label: string
  /** The exits the rate counts, for data as of `asOf`, as a caption ends. */
  readonly exits: (asOf: string) => string
  /** The count the rate is taken over, shown beside it (not every exit: the rate's base). */
  readonly base: { readonly measure: string; readonly label: string }
  /** A share shown beside the rate: how much of the exits it concerns its base covers (of the certifying exits, for certification). */
  readonly coverage?: { readonly measure: string; readonly label: string }
}

/** The last year of exit whose employment at 6 months is counted (cohorts are counted whole). */
const lastEmploymentCohort = (asOf: string) => lastObservedYear(asOf, 6)

const RATES: readonly Rate[] = [
  {
    measure: 'taux_emploi_6m',
    label: 'Taux d’emploi salarié à 6 mois',
    exits: (asOf) => `sorties jusqu’à ${lastEmploymentCohort(asOf)}`,
    base: { measure: 'nb_connus_6m', label: 'Sorties observées à 6 mois' },
  },
  {
    measure: 'taux_obtention',
    label: 'Taux d’obtention de la certification',
    exits: () => 'toutes années de sortie',
    base: { measure: 'nb_resultats_connus', label: 'Résultats connus' },
    coverage: { measure: 'part_resultats_connus', label: 'Part des résultats connus' },
  },
]
const PREFER = ['insertion-emploi', 'sorties-resultats']

/** The cross table of `measure` in `ref`, dispositifs down and `across` codes as columns. */
function crossTable(
  ref: TableRef,
  measure: string,
  label: string,
  across: string,
  caption: string,
  limit?: number,
): string {
  const spec: CrossTableSpec = {
    caption: `${label} ${caption}`,
    data: tableUrl(ROOT, ref.dataset.slug, ref.resource.name),
    measure,
    rows: { dimension: 'dispositif', header: 'Dispositif', total: 'Tous dispositifs' },
    columns: { dimension: across, total: 'Ensemble' },
    ...(limit === undefined ? {} : { limit }),
    root: ROOT,
  }
  return `<div class="psl-cross-table" ${CROSS_TABLE_ATTRIBUTE}='${jsonAttribute(spec)}'></div>`
}

async function overview(published: Published): Promise<string> {
  const refs = await Promise.all(
    RATES.map((r) =>
      findTable(published, { measure: r.measure, dimensions: ['dispositif'], prefer: PREFER }),
    ),
  )
  const parts: string[] = []
  for (const [i, rate] of RATES.entries()) {
    const ref = refs[i]
    if (!ref) continue
    const title = `${rate.label} par dispositif, ${rate.exits(published.release.asOf)}`
    const has = (name: string) => ref.resource.schema.fields.some((f) => f.name === name)
    parts.push(
      renderFigure(
        {
          kind: 'bar',
          data: tableUrl(ROOT, ref.dataset.slug, ref.resource.name),
          measure: rate.measure,
          x: 'dispositif',
          filters: {},
          title,
          table: {
            header: 'Dispositif',
            columns: [
              { measure: rate.measure, label: rate.label, kind: 'rate', interval: 'inline' },
              ...(has(rate.base.measure) ? [{ ...rate.base, kind: 'count' as const }] : []),
              ...(rate.coverage && has(rate.coverage.measure)
                ? [{ ...rate.coverage, kind: 'rate' as const }]
                : []),
            ],
            root: ROOT,
          },
        },
        'Chaque barre porte son intervalle de confiance à 95 % : deux dispositifs dont les intervalles se chevauchent largement ne se distinguent pas nettement.',
      ),
    )
  }
  return parts.join('\n')
}

async function breakdown(
  published: Published,
  across: string,
  heading: string,
  id: string,
  limit?: number,
): Promise<{ html: string; refs: TableRef[] }> {
  const refs: TableRef[] = []
  const parts: string[] = []
  for (const rate of RATES) {
    const ref = await findTable(published, {
      measure: rate.measure,
      dimensions: ['dispositif', across],
      prefer: PREFER,
    })
    if (!ref) continue
    refs.push(ref)
    parts.push(
      crossTable(
        ref,
        rate.measure,
        rate.label,
        across,
        `par dispositif et ${heading.toLowerCase()}, ${rate.exits(published.release.asOf)}`,
        limit,
      ),
    )
  }
  if (parts.length === 0) return { html: '', refs }
  const cut =
    limit === undefined
      ? ''
      : `<p class="note">Les ${limit} dispositifs qui comptent le plus de sorties ; tous figurent dans les fichiers ci-dessous et dans l’<a href="${ROOT}explorer/index.html">explorateur</a>.</p>\n`
  return {
    html: `<h2 id="${id}">Par ${escapeHtml(heading.toLowerCase())}</h2>\n${cut}${parts.join('\n')}`,
    refs,
  }
}

/** By certification level: dispositifs side by side when a table crosses them, else levels alone. */
async function byLevel(published: Published): Promise<{ html: string; refs: TableRef[] }> {
  const crossed = await breakdown(published, 'niveau_certification', 'Niveau de certification visé', 'niveau')
  if (crossed.html !== '') return crossed
  const refs: TableRef[] = []
  const rows: { header: string; cells: string[] }[] = []
  const found = await Promise.all(
    RATES.map((r) =>
      findTable(published, { measure: r.measure, dimensions: ['niveau_certification'], prefer: PREFER }),
    ),
  )
  const first = found.find((r) => r !== undefined)
  if (!first) return { html: '', refs }
  const name = labeller(first.dataset)
  const codes = [...slice(first.data, 'niveau_certification', {}).keys()]
  for (const code of codes) {
    rows.push({
      header: name('niveau_certification', code),
      cells: RATES.map((rate, i) =>
        rateCell(found[i] && slice(found[i].data, 'niveau_certification', {}).get(code), rate.measure, ROOT),
      ),
    })
  }
  for (const ref of found) if (ref) refs.push(ref)
  const html = `<h2 id="niveau">Par niveau de certification visé</h2>
<p>Aucune table ne croise le dispositif et le niveau : les taux sont donnés ici par niveau, tous dispositifs confondus.</p>
${renderDataTable({ caption: `Taux par niveau de certification visé (${RATES.map((r) => `${r.label.replace(/^Taux d’/, '')} : ${r.exits(published.release.asOf)}`).join(' ; ')})`, columns: [{ label: 'Niveau' }, ...RATES.map((r) => ({ label: r.label, numeric: true }))], rows })}`
  return { html, refs }
}

/**
 * Why the employment rates stop at an earlier year than the certification rates: a year of exit
 * is counted only once all of it is observed (publish/indicators/cohort.ts).
 */
function cohortNote(asOf: string): string {
  const last = lastEmploymentCohort(asOf)
  return `<p class="note">Les taux d’emploi portent sur les sorties jusqu’à ${last} : une année de sortie n’est comptée qu’une fois toute observée, six mois après son 31 décembre (les sorties de ${last + 1} le seront le 30 juin ${last + 2}).</p>`
}

/** The comparison of dispositifs: employment and certification rates with their intervals. */
export async function renderCompareMain(published: Published): Promise<string> {
  const sections = [
    await breakdown(published, 'territoire', 'Région', 'regions', 8),
    await breakdown(published, 'sexe', 'Sexe', 'sexe'),
    await breakdown(published, 'tranche_age', 'Tranche d’âge', 'age'),
    await breakdown(published, 'statut_entree', 'Statut à l’entrée', 'statut'),
    await byLevel(published),
  ]
  const refs = new Map(
    sections.flatMap((s) => s.refs).map((r) => [`${r.dataset.slug}/${r.resource.name}`, r]),
  )
  const first = await overview(published)
  return join([
    '<h1>Comparer les dispositifs</h1>',
    '<p class="lead">Quels dispositifs mènent à l’emploi et à la certification, et pour quels publics ? Les taux sont publiés avec leur intervalle de confiance à 95 % (méthode de Wilson), entre crochets : une différence plus petite que ces intervalles peut n’être que du bruit.</p>',
    secretLegend(ROOT),
    refs.size > 0 &&
      '<noscript><p class="note">Les tableaux de cette page s’affichent avec JavaScript ; tous leurs chiffres sont dans les fichiers à télécharger en bas de page.</p></noscript>',
    first
      ? `<h2 id="ensemble">Ensemble</h2>\n${cohortNote(published.release.asOf)}\n${first}`
      : '<p>Aucun taux par dispositif n’est publié dans cette version.</p>',
    ...sections.map((s) => s.html),
    refs.size > 0 && '<h2 id="telecharger">Télécharger les données</h2>',
    refs.size > 0 &&
      `<ul class="downloads">${[...refs.values()].map((r) => `<li>${escapeHtml(r.resource.title ?? r.resource.name)} : ${tableDownloads(ROOT, r.dataset.slug, r.resource.name, r.resource.title ?? r.resource.name)}</li>`).join('')}</ul>`,
  ])
}
