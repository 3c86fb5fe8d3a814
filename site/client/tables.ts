/**
 * The cross tables of the comparison page (`div.psl-cross-table`, spec in `src/site/cross-table.ts`),
 * rendered from the published tables they name. A chunk of its own: only that page loads it.
 */
import { CROSS_TABLE_ATTRIBUTE, type CrossTableSpec, crossTableHtml } from '../../src/site/cross-table.ts'
import { loadHierarchies } from './charts/draw-chart.ts'
import { labelOf } from './data/hierarchy.ts'
import { fetchJson, type PublishedTable } from './data/published-table.ts'

async function renderCrossTable(target: HTMLElement): Promise<void> {
  try {
    const spec = JSON.parse(target.getAttribute(CROSS_TABLE_ATTRIBUTE) ?? '') as CrossTableSpec
    const table = await fetchJson<PublishedTable>(spec.data)
    const hierarchies = await loadHierarchies(spec.data, [spec.rows.dimension, spec.columns.dimension])
    target.innerHTML = crossTableHtml(spec, table, (dimension, code) =>
      labelOf(hierarchies.get(dimension), code),
    )
  } catch (error) {
    target.className = 'psl-chart-error'
    target.textContent =
      'Ce tableau n’a pas pu être affiché ; ses chiffres sont dans les fichiers à télécharger.'
    console.warn(error)
  }
}

/** Renders every cross table of `targets`. */
export async function renderCrossTables(targets: readonly HTMLElement[]): Promise<void> {
  await Promise.all(targets.map(renderCrossTable))
}
