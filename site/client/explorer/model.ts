/**
 * Loads what a view needs, from the published files only: the release's datasets (`release.json`),
 * the chosen dataset's `datapackage.json`, the chosen table's JSON and the hierarchies of its dimensions.
 */
import { loadHierarchies } from '../charts/draw-chart.ts'
import { type DataPackage, type DatasetInfo, readDataPackage, type TableInfo } from '../data/datapackage.ts'
import type { Hierarchy } from '../data/hierarchy.ts'
import { fetchJson, type PublishedTable, TOTAL } from '../data/published-table.ts'
import { pickDataset, pickTable, type ResolvedState, resolveState, type TableFacts } from './resolve.ts'
import type { ExplorerState } from './state.ts'

/** The datasets of the latest release, as `release.json` lists them. */
export interface DatasetEntry {
  readonly slug: string
  readonly title: string
}

/** Everything the controls, the chart and the downloads of one view need. */
export interface ExplorerModel {
  readonly root: string
  readonly datasets: readonly DatasetEntry[]
  readonly dataset: DatasetInfo
  readonly tableInfo: TableInfo
  readonly table: PublishedTable
  /** URL of the table's JSON, relative to the page. */
  readonly dataUrl: string
  readonly hierarchies: ReadonlyMap<string, Hierarchy>
  readonly codes: ReadonlyMap<string, ReadonlySet<string>>
  readonly facts: TableFacts
  readonly state: ResolvedState
  readonly releaseDate: string
}

/** Problems a reader can meet, as data (the page shows the message). */
export interface ModelError {
  readonly code: 'explorer/no-dataset' | 'explorer/no-table'
  readonly message: string
}

/** Loads the model of `wanted` (falling back to the first dataset, table, measure… that exist). */
export async function loadModel(root: string, wanted: ExplorerState): Promise<ExplorerModel | ModelError> {
  const release = await fetchJson<{ date: string; datasets: DatasetEntry[] }>(`${root}release.json`)
  const slug = pickDataset(
    wanted,
    release.datasets.map((d) => d.slug),
  )
  if (!slug) return { code: 'explorer/no-dataset', message: 'Aucun jeu de données n’est publié.' }
  const base = `${root}datasets/${slug}/`
  const dataset = readDataPackage(await fetchJson<DataPackage>(`${base}datapackage.json`))
  const tableInfo = pickTable(wanted, dataset)
  if (!tableInfo) return { code: 'explorer/no-table', message: 'Ce jeu de données n’a pas de table.' }
  const dataUrl = base + tableInfo.json
  const table = await fetchJson<PublishedTable>(dataUrl)
  const hierarchies = await loadHierarchies(dataUrl, table.dimensions)
  const codes = new Map(
    table.dimensions.map((d) => [d, new Set(table.rows.map((r) => String(r[d] ?? TOTAL)))]),
  )
  const levels = new Map(
    table.dimensions.map((d) => {
      const h = hierarchies.get(d)
      const present = codes.get(d)!
      const used = h
        ? h.levels.filter((l) => [...h.nodes.values()].some((n) => n.level === l && present.has(n.code)))
        : []
      return [d, used.length > 0 ? used : ['code']]
    }),
  )
  const codeLevels = new Map(
    table.dimensions.map((d) => [
      d,
      new Map([...(hierarchies.get(d)?.nodes.values() ?? [])].map((n) => [n.code, n.level])),
    ]),
  )
  const facts = { levels, codes, codeLevels }
  const state = resolveState(wanted, slug, tableInfo, facts)
  return {
    root,
    datasets: release.datasets,
    dataset,
    tableInfo,
    table,
    dataUrl,
    hierarchies,
    codes,
    facts,
    state,
    releaseDate: release.date,
  }
}
