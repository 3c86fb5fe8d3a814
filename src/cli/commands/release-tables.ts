/**
 * The tables of a published release, read back from its files alone (`datasets/<slug>/`:
 * `datapackage.json`, the tables' CSV, `hierarchies/<dimension>.csv`) for `passerelle audit`:
 * what anyone who downloaded the release holds.
 * @module
 */
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { type AuditInput, type HierarchyRow, parseCsv } from '../../privacy/index.ts'
import { DOMINANCE_MEASURE } from '../../publish/aggregate/plan.ts'
import { MEASURES, type MeasureName } from '../../publish/definition/catalogue.ts'
import { lastObservedYear } from '../../publish/indicators/cohort.ts'
import { observedNode, withNodes } from '../../publish/run/observed-cohorts.ts'

/** Tables that count the same units, linked for the audit (`nb_entrees`: the entries). */
export interface ReleaseGroup {
  /** The count measure the tables share. */
  readonly count: string
  readonly tables: readonly AuditInput[]
}

interface Field {
  readonly name: string
}

interface Resource {
  readonly name: string
  readonly path: string
  readonly schema?: { readonly fields?: readonly Field[] }
}

/** True when `dir` holds a published release (a `datasets/` folder with data packages). */
export async function isRelease(dir: string): Promise<boolean> {
  const slugs = await readdir(join(dir, 'datasets')).catch(() => [] as string[])
  for (const slug of slugs) {
    const text = await readFile(join(dir, 'datasets', slug, 'datapackage.json'), 'utf8').catch(() => null)
    if (text !== null) return true
  }
  return false
}

/**
 * Every table of the release, grouped by the count it publishes. A table's dimensions are its
 * columns that are neither a measure (a column with a `<name>_statut` beside it) nor a status or
 * an interval; its count is its first measure. Hierarchies are cut to the codes the table holds.
 * A table with `montant_engage` is also in the group of that name, its euros as the values.
 */
export async function readReleaseTables(
  dir: string,
  read: (file: string) => Promise<string>,
): Promise<ReleaseGroup[]> {
  const groups = new Map<string, AuditInput[]>()
  const slugs = (await readdir(join(dir, 'datasets'))).sort()
  for (const slug of slugs) {
    const base = join(dir, 'datasets', slug)
    const text = await readFile(join(base, 'datapackage.json'), 'utf8').catch(() => null)
    if (text === null) continue
    const resources = (JSON.parse(text) as { resources?: Resource[] }).resources ?? []
    const release = await readFile(join(base, 'release.json'), 'utf8').catch(() => null)
    const asOf = release === null ? undefined : (JSON.parse(release) as { asOf?: string }).asOf
    const hierarchies = new Map<string, HierarchyRow[]>()
    for (const resource of resources) {
      if (!resource.path.startsWith('hierarchies/')) continue
      const csv = parseCsv(await read(join(base, resource.path)))
      const at = (name: string) => csv.header.indexOf(name)
      const dimension = resource.path.slice('hierarchies/'.length).replace(/\.csv$/, '')
      hierarchies.set(
        dimension,
        csv.records.map((r) => ({
          code: r.fields[at('code')] ?? '',
          parent: r.fields[at('parent')] ?? '',
          line: r.line,
        })),
      )
    }
    for (const resource of resources) {
      if (resource.path.startsWith('hierarchies/') || !resource.path.endsWith('.csv')) continue
      const names = (resource.schema?.fields ?? []).map((f) => f.name)
      const measures = names.filter((n) => names.includes(`${n}_statut`))
      const count = measures[0]
      if (count === undefined) continue
      const dimensions = names.filter(
        (n) => !measures.includes(n) && !n.endsWith('_statut') && !/_ic_(bas|haut)$/.test(n),
      )
      const file = `${slug}/${resource.path}`
      const csv = parseCsv(await read(join(base, resource.path)))
      const at = (name: string) => csv.header.indexOf(name)
      const rows = csv.records.map((r) => {
        const value = (r.fields[at(count)] ?? '').trim()
        return {
          codes: dimensions.map((d) => r.fields[at(d)] ?? ''),
          n: value === '' ? null : Number(value),
          status: (r.fields[at(`${count}_statut`)] ?? 'V').trim(),
          line: r.line,
        }
      })
      const used = dimensions.map((_, i) => new Set(rows.map((r) => r.codes[i]!)))
      const cut: AuditInput = {
        name: file,
        dimensions,
        hierarchies: Object.fromEntries(
          dimensions.map((d, i) => [d, (hierarchies.get(d) ?? []).filter((h) => used[i]!.has(h.code))]),
        ),
        rows,
      }
      const table =
        asOf === undefined
          ? cut
          : withObservedCohorts(byYear(cut, measures, hierarchies.get('periode')), csv, measures, asOf)
      groups.set(count, [...(groups.get(count) ?? []), table])
      // The euros under a dominance rule are protected too (src/privacy/protect-magnitude.ts): the
      // same tables, linked on their amounts, make one more set.
      if (measures.includes(DOMINANCE_MEASURE)) {
        const amounts = csv.records.map((r, i) => {
          const value = (r.fields[at(DOMINANCE_MEASURE)] ?? '').trim()
          return { ...rows[i]!, n: value === '' ? null : Number(value) }
        })
        groups.set(DOMINANCE_MEASURE, [...(groups.get(DOMINANCE_MEASURE) ?? []), { ...cut, rows: amounts }])
      }
    }
  }
  return [...groups].map(([count, tables]) => ({ count, tables }))
}

/**
 * A table with its cells of observed cohorts (publish's run/observed-cohorts.ts): an all-periods
 * row's follow-up members (`nb_connus_6m`) are the count of the cohorts observed on the data date,
 * a node of the period tree between the total and their years. Added as the rows show them: the
 * value with its status where the row is published, unknown (`D`, no interval owed) where the row
 * is hidden whole.
 */
function withObservedCohorts(
  table: AuditInput,
  csv: ReturnType<typeof parseCsv>,
  measures: readonly string[],
  asOf: string,
): AuditInput {
  const period = table.dimensions.indexOf('periode')
  const tree = table.hierarchies?.periode
  if (period < 0 || !tree) return table
  const years = tree.filter((r) => /^\d{4}$/.test(r.code)).map((r) => r.code)
  const at = (name: string) => csv.header.indexOf(name)
  const nodes = new Map<string, string>()
  for (const name of measures) {
    const months = MEASURES[name as MeasureName]?.followUpMonths
    if (months === undefined) continue
    const node = observedNode(years, lastObservedYear(asOf, months))
    if (node !== undefined && !nodes.has(node)) nodes.set(node, name)
  }
  if (nodes.size === 0) return table
  const periode = withNodes(tree, [...nodes.keys()].sort().reverse(), years)
  const added = table.rows.flatMap((row, i) => {
    if (row.codes[period] !== '_T') return []
    const record = csv.records[i]!
    return [...nodes].map(([node, name]) => {
      const value = (record.fields[at(name)] ?? '').trim()
      const status = (record.fields[at(`${name}_statut`)] ?? 'V').trim()
      const shown = row.n !== null && status === 'V' && value !== ''
      return {
        codes: row.codes.map((c, d) => (d === period ? node : c)),
        n: shown ? Number(value) : null,
        // A row hidden whole says nothing of its observed cohorts' own protection.
        status: row.n === null ? 'D' : status,
        ...(row.line === undefined ? {} : { line: row.line }),
      }
    })
  })
  return { ...table, hierarchies: { ...table.hierarchies, periode }, rows: [...table.rows, ...added] }
}

/**
 * A table without periods that shows follow-up measures, as publication protected it: by year
 * too (publish's run/observed-cohorts.ts `byInternalPeriods`), every year unknown (`D`): its
 * rows' observed members are the count of their observed cohorts, the rest the later years'.
 */
function byYear(
  table: AuditInput,
  measures: readonly string[],
  periods: readonly HierarchyRow[] | undefined,
): AuditInput {
  const followUp = measures.some((m) => MEASURES[m as MeasureName]?.followUpMonths !== undefined)
  if (table.dimensions.includes('periode') || !followUp || !periods) return table
  const years = periods.filter((r) => /^\d{4}$/.test(r.code)).map((r) => r.code)
  if (years.length === 0) return table
  const unknown = table.rows.flatMap((row) =>
    years.map((year) => ({ codes: [...row.codes, year], n: null, status: 'D' })),
  )
  return {
    ...table,
    dimensions: [...table.dimensions, 'periode'],
    hierarchies: {
      ...table.hierarchies,
      periode: [{ code: '_T', parent: '' }, ...years.map((code) => ({ code, parent: '_T' }))],
    },
    rows: [...table.rows.map((r) => ({ ...r, codes: [...r.codes, '_T'] })), ...unknown],
  }
}
