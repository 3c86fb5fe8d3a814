/**
 * Steps 2–4 of a release: fact tables from the hub, every table of every dataset aggregated at
 * every level, hierarchies cut to what the data uses, and the privacy library's inputs.
 * @module
 */
import { type Kysely, sql } from 'kysely'
import type { Database } from '../../db/database.ts'
import type { PrimaryRules, TableInput } from '../../privacy/index.ts'
import { aggregateTables, dropAggregationLeftovers, toTableInput } from '../aggregate/index.ts'
import { DIMENSIONS, type DimensionName, POPULATIONS } from '../definition/catalogue.ts'
import type { HierarchyNode } from '../definition/hierarchies.ts'
import { buildHierarchies, restrictHierarchy } from '../definition/hierarchies.ts'
import { loadHierarchySources } from '../definition/hierarchy-sources.repository.ts'
import { withPlannedPeriods } from '../definition/period-hierarchy.ts'
import type { DatasetDefinition, TableDefinition } from '../definition/types.ts'
import { buildFacts } from '../facts/index.ts'
import { lastObservedYear } from '../indicators/cohort.ts'
import type { ObservedCell } from '../release/carry-over.ts'
import type { HierarchyLabels } from '../write/index.ts'
import {
  byInternalPeriods,
  observedCellOf,
  observedCohortCells,
  type PooledCohorts,
  withInternalPeriods,
  withObservedCohorts,
} from './observed-cohorts.ts'
import type { PublishIssue } from './publish-release.ts'

/** A table of the release as the earlier releases' files name it. */
export interface PublishedTableRef {
  /** Name in the protection (`slug/table`). */
  readonly table: string
  readonly slug: string
  readonly name: string
  readonly dimensions: readonly string[]
  readonly count: string
}

/** Everything protection and writing need. */
export interface ReleaseTables {
  readonly inputs: readonly TableInput[]
  readonly rules: Readonly<Record<string, PrimaryRules>>
  /** Per dataset slug, the labelled hierarchies of its dimensions (codes its tables use). */
  readonly labels: Readonly<Record<string, HierarchyLabels>>
  readonly published: readonly PublishedTableRef[]
  /** True when a code is in the table's (cut) hierarchy of that dimension. */
  hasCode(table: string, dimension: string, code: string): boolean
  /** Régions of residence present in the data (labels). */
  readonly territories: readonly string[]
  /** Partners with at least one record in the hub. */
  readonly partners: number
  /**
   * Per population and follow-up horizon (months), the cell of its observed cohorts, whose status
   * an all-periods row's follow-up measures take (write/follow-up-coherence.ts).
   */
  readonly pooled: ReadonlyMap<string, ReadonlyMap<number, PooledCohorts>>
  /** Where the release holds a cell of observed cohorts (release/carry-over.ts). */
  readonly observedCell: ObservedCell
}

type Timed = <T>(step: string, run: () => Promise<T>) => Promise<T>

/**
 * Builds the release's tables from the hub, aggregating `connections` tables at once (each
 * statement on its own pooled connection; the results keep the definitions' order).
 * `earlierAsOf`: the data dates of the releases still online, whose cells of observed cohorts the
 * protection must know (run/observed-cohorts.ts).
 */
export async function buildReleaseTables(
  db: Kysely<Database>,
  datasets: readonly DatasetDefinition[],
  asOf: string,
  timed: Timed,
  connections = 1,
  earlierAsOf: readonly string[] = [],
): Promise<{ ok: true; value: ReleaseTables } | { ok: false; issues: readonly PublishIssue[] }> {
  await timed('facts', () => buildFacts(db, { asOf, connections }))
  await dropAggregationLeftovers(db)
  // A table without periods that shows follow-up measures is aggregated and protected by period,
  // every period internal (observed-cohorts.ts): its rows are its totals, as defined.
  const tables = datasets.flatMap((d) =>
    d.tables.map((defined) => ({ dataset: d, defined, table: withInternalPeriods(defined) })),
  )
  const aggregated = await timed('aggregation', () =>
    aggregateTables(
      db,
      tables.map(({ table }) => table),
      connections,
    ),
  )
  const periods = new Set<string>()
  const organisms = new Set<string>()
  for (const cells of aggregated) {
    for (const code of cells.observed.periode ?? []) periods.add(code)
    // Organisms are the SIRETs under the régions (`R84`) of the organism dimension.
    for (const code of cells.observed.organisme ?? []) if (!/^R[0-9A-Z]{2}$/.test(code)) organisms.add(code)
  }
  const sources = await loadHierarchySources(db)
  const trees = buildHierarchies(sources, { periods: [...periods], organisms: [...organisms], asOf })
  const issues: PublishIssue[] = []
  const inputs: TableInput[] = []
  const rules: Record<string, PrimaryRules> = {}
  const cut = new Map<string, Record<string, HierarchyNode[]>>()
  const labels: Record<string, Record<string, HierarchyNode[]>> = {}
  aggregated.forEach((cells, i) => {
    const { dataset, table } = tables[i]!
    const name = `${dataset.slug}/${table.name}`
    const hierarchies = tableHierarchies(table, trees, cells.observed)
    cut.set(name, hierarchies)
    const input = toTableInput(name, table, cells, hierarchies)
    if (!input.ok) {
      issues.push(...input.issues)
      return
    }
    inputs.push(input.value)
    rules[name] = dataset.rules
    const own = labels[dataset.slug] ?? {}
    labels[dataset.slug] = own
    for (const [dim, nodes] of Object.entries(hierarchies))
      own[dim] = union(trees[dim as DimensionName], own[dim], nodes)
  })
  if (issues.length > 0) return { ok: false, issues }
  const pooled = observedCohortCells(inputs, asOf)
  // The observed cohorts' nodes of the releases still online, per horizon (each nested in ours).
  const earlier = new Map(
    [...new Set([...pooled.values()].flatMap((m) => [...m.keys()]))].map((h) => [
      h,
      earlierAsOf.map((date) => lastObservedYear(date, h)),
    ]),
  )
  const internal = new Set(
    tables
      .filter(({ defined, table }) => defined !== table)
      .map(({ dataset, table }) => `${dataset.slug}/${table.name}`),
  )
  const judged = inputs.map((input) => {
    const cells = pooled.get(input.population ?? '') ?? new Map()
    return internal.has(input.name)
      ? byInternalPeriods(input, cells, earlier)
      : withObservedCohorts(input, cells, earlier)
  })
  // Only a dataset all of whose tables date their rows by a planned start may say so: the period
  // tree is one per dataset, and an entry dated after the data date (publish --as-of before the
  // release) is no planned training.
  for (const [slug, own] of Object.entries(labels)) {
    const planned = tables
      .filter(({ dataset }) => dataset.slug === slug)
      .every(({ table }) => POPULATIONS[table.population].plannedPeriods === true)
    if (planned && own.periode) own.periode = [...withPlannedPeriods(own.periode, asOf)]
  }
  const codeSets = new Map(
    [...cut].map(([name, h]) => [
      name,
      new Map(Object.entries(h).map(([d, nodes]) => [d, new Set(nodes.map((n) => n.code))])),
    ]),
  )
  const regions = trees.territoire.filter((n) => n.level === 'region')
  const usedRegions = new Set(tables.flatMap((_, i) => aggregated[i]!.observed.territoire ?? []))
  const territories = regions.filter((r) => usedRegions.has(r.code)).map((r) => r.label)
  const { partners } = (
    await sql<{ partners: number }>`select count(*)::int as partners from partner p
      where exists (select 1 from dossier_current d where d.partner_id = p.id)
         or exists (select 1 from cep_current c where c.partner_id = p.id)`.execute(db)
  ).rows[0] ?? { partners: 0 }
  return {
    ok: true,
    value: {
      inputs: judged,
      rules,
      labels,
      published: tables.map(({ dataset, defined: table }) => ({
        table: `${dataset.slug}/${table.name}`,
        slug: dataset.slug,
        name: table.name,
        dimensions: table.dimensions.map((d) => d.name),
        count: POPULATIONS[table.population].count,
      })),
      hasCode: (table, dimension, code) => codeSets.get(table)?.get(dimension)?.has(code) === true,
      territories,
      partners,
      pooled,
      observedCell: observedCellOf(judged),
    },
  }
}

/** Each dimension's tree cut to the codes the table's data uses, down to the table's depth. */
function tableHierarchies(
  table: TableDefinition,
  trees: Readonly<Record<DimensionName, HierarchyNode[]>>,
  observed: Readonly<Record<string, readonly string[]>>,
): Record<string, HierarchyNode[]> {
  const out: Record<string, HierarchyNode[]> = {}
  for (const { name, depth } of table.dimensions) {
    out[name] = restrictHierarchy(
      trees[name],
      observed[name] ?? [],
      depth ?? DIMENSIONS[name].levels.at(-1)!.name,
    )
  }
  return out
}

/** The nodes of either list, in the order of the full tree. */
function union(
  tree: readonly HierarchyNode[],
  a: readonly HierarchyNode[] | undefined,
  b: readonly HierarchyNode[],
): HierarchyNode[] {
  const keep = new Set([...(a ?? []), ...b].map((n) => n.code))
  return tree.filter((n) => keep.has(n.code))
}
