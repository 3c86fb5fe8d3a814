import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { basename, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { ensureFolder } from '../../lib/ensure-folder.ts'
import {
  type CellRef,
  csvField,
  type HierarchyRow,
  type Issue,
  type LeafRow,
  type ProtectedTable,
  parseCsv,
  protectTables,
  type TableInput,
} from '../../privacy/index.ts'
import { CliError, type Command, requiredOption } from '../io.ts'

const usage =
  'passerelle protect --table T.csv [--table T2.csv …] [--hierarchy DIM=H.csv …] [--min-persons 11] [--primary P.csv] [--protection 10] [--audit primary|suppressed|none] --out DIR'

/** `passerelle protect`: protects linked tables (τ-ARGUS batch style) and writes them with a report. */
export const protectCommand: Command = {
  name: 'protect',
  summary: 'protect tables before publication (primary + secondary suppression, audit)',
  usage,
  options: [
    [
      '--table T.csv',
      "a table of finest cells: dimension columns, n (persons), optionally a rate's numerator; repeat for linked tables",
    ],
    ['--hierarchy DIM=H.csv', "a dimension's hierarchy (code,parent); repeat per dimension"],
    ['--min-persons N', 'the frequency rule: a cell of fewer persons is secret (default 11)'],
    ['--primary P.csv', 'cells to suppress as well (dimension codes, optional status A/B and singleton)'],
    ['--protection PCT', 'each secret value must stay uncertain by ± this percent (default 10)'],
    [
      '--audit MODE',
      "primary (default: every primary cell proved), suppressed (every suppressed cell's range, slow) or none",
    ],
    ['--out DIR', 'where to write the protected tables and report.json (required)'],
  ],
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        table: { type: 'string', multiple: true },
        hierarchy: { type: 'string', multiple: true },
        'min-persons': { type: 'string' },
        primary: { type: 'string' },
        protection: { type: 'string' },
        audit: { type: 'string' },
        out: { type: 'string' },
      },
      strict: true,
    })
    if (!values.table?.length) throw new CliError(`--table T.csv is required\nusage: ${usage}`, 2)
    const out = resolve(io.cwd, requiredOption(values.out, '--out DIR', usage))
    // Checked before the protection's minutes of work, which would otherwise end on it.
    const outProblem = ensureFolder(out, { probe: true })
    if (outProblem !== null)
      throw new CliError(`--out "${values.out}" cannot take the protected tables: ${outProblem}`, 2)
    const minPersons = numberOption(
      values['min-persons'],
      '--min-persons',
      11,
      'a whole number of persons',
      true,
    )
    const protectionPercent = numberOption(
      values.protection,
      '--protection',
      10,
      'a percentage from 0 to 100',
    )
    if (protectionPercent > 100)
      throw new CliError(`--protection "${values.protection}" is not a percentage from 0 to 100`, 2)
    // `primary` proves every primary cell's interval exactly and quickly (certificates, then the
    // attacker LP where needed); `suppressed` also gives [low, up] for every suppressed cell,
    // which takes minutes on tables of tens of thousands of cells.
    const audit = values.audit ?? 'primary'
    if (audit !== 'primary' && audit !== 'suppressed' && audit !== 'none')
      throw new CliError(`--audit "${audit}" must be primary, suppressed or none`, 2)
    const issues: Issue[] = []
    const hierarchies: Record<string, HierarchyRow[]> = {}
    const specs = hierarchySpecs(values.hierarchy ?? [])
    for (const [dim, { file }] of specs)
      hierarchies[dim] = readHierarchy(basename(file), await read(io.cwd, file), issues)
    const tables: TableInput[] = []
    for (const file of values.table)
      tables.push(readTable(file, await read(io.cwd, file), hierarchies, issues))
    // A misspelt dimension would leave the real one flat (its cells unrelated to their totals),
    // and the protection would then be of other tables than the ones published.
    const known = [...new Set(tables.flatMap((t) => t.dimensions))].sort()
    for (const [dim, { spec }] of specs)
      if (!known.includes(dim))
        throw new CliError(
          `--hierarchy "${spec}": no table has a dimension ${dim} (the tables' dimensions: ${known.join(', ') || 'none'})\nusage: ${usage}`,
          2,
        )
    const primary = values.primary
      ? readPrimary(basename(values.primary), await read(io.cwd, values.primary), issues)
      : []
    if (issues.length > 0) throw new CliError(formatIssues(issues))
    const result = await protectTables(tables, { rules: { minPersons, protectionPercent }, primary, audit })
    if (!result.ok) throw new CliError(formatIssues(result.issues))
    await mkdir(out, { recursive: true })
    for (const table of result.tables) await writeFile(resolve(out, table.name), tableCsv(table))
    const structure = result.tables.map((t) => ({
      file: t.name,
      dimensions: t.dimensions,
      hierarchies: t.hierarchies,
    }))
    await writeFile(
      resolve(out, 'report.json'),
      `${JSON.stringify({ ...result.report, structure }, null, 2)}\n`,
    )
    const s = result.report.set
    io.out(
      `protected ${result.tables.length} table(s): ${s.distinctCells} cells, ${s.byStatus.A + s.byStatus.B} primary, ${s.byStatus.D} secondary; audit ${result.report.audit?.ok ? 'ok' : 'FAILED'}`,
    )
    for (const issue of result.report.issues) io.err(`${issue.path}: ${issue.code} ${issue.message}`)
    return result.report.audit?.ok === false ? 1 : 0
  },
}

/**
 * The `--hierarchy DIM=FILE` options by dimension, checked before any file is read (exit 2, naming
 * the option's value and the rule). A dimension given twice is refused: one hierarchy would have
 * been dropped without a word, and the tables protected along the other.
 *
 * @example
 * hierarchySpecs(['region=regions.csv']) // Map { 'region' => { spec: 'region=regions.csv', file: 'regions.csv' } }
 */
export function hierarchySpecs(values: readonly string[]): Map<string, { spec: string; file: string }> {
  const specs = new Map<string, { spec: string; file: string }>()
  for (const spec of values) {
    // The first `=` ends the dimension: a file name may hold one.
    const at = spec.indexOf('=')
    const dim = at < 0 ? '' : spec.slice(0, at)
    const file = at < 0 ? '' : spec.slice(at + 1)
    if (!dim || !file)
      throw new CliError(`--hierarchy "${spec}" is not DIM=FILE.csv (a dimension and its hierarchy file)`, 2)
    const earlier = specs.get(dim)
    if (earlier)
      throw new CliError(
        `--hierarchy "${spec}": dimension ${dim} already has --hierarchy "${earlier.spec}" (one hierarchy per dimension)\nusage: ${usage}`,
        2,
      )
    specs.set(dim, { spec, file })
  }
  return specs
}

async function read(cwd: string, file: string): Promise<string> {
  try {
    return await readFile(resolve(cwd, file), 'utf8')
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${(error as Error).message}`)
  }
}

/** A number option ≥ 0 (a whole one when `whole`), or the default; a CliError naming the option, the value and the rule. */
function numberOption(
  value: string | undefined,
  option: string,
  fallback: number,
  rule: string,
  whole = false,
): number {
  if (value === undefined) return fallback
  const n = Number(value)
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || (whole && !Number.isInteger(n)))
    throw new CliError(`${option} "${value}" is not ${rule}`, 2)
  return n
}

/** A hierarchy file: `code,parent` columns, found by name (a file in another order is read right). */
function readHierarchy(name: string, text: string, issues: Issue[]): HierarchyRow[] {
  const csv = parseCsv(text)
  const codeAt = csv.header.indexOf('code')
  const parentAt = csv.header.indexOf('parent')
  if (codeAt < 0 || parentAt < 0) {
    issues.push({
      path: name,
      line: 1,
      code: 'table/bad-header',
      message: `a hierarchy has the columns code and parent (the root's parent empty); the columns are ${csv.header.join(', ')}`,
    })
    return []
  }
  return csv.records.map((r) => ({
    code: (r.fields[codeAt] ?? '').trim(),
    parent: (r.fields[parentAt] ?? '').trim(),
    line: r.line,
  }))
}

/** A table file: dimension columns + `n` (+ optional `numerator`); one row per leaf cell. */
function readTable(
  file: string,
  text: string,
  hierarchies: Record<string, HierarchyRow[]>,
  issues: Issue[],
): TableInput {
  const name = basename(file)
  const csv = parseCsv(text)
  const nAt = csv.header.indexOf('n')
  const numAt = csv.header.indexOf('numerator')
  if (nAt < 0) {
    // Without its count column, every line would be reported again for it: once is enough.
    issues.push({
      path: name,
      line: 1,
      code: 'table/bad-header',
      message: `no column n (the number of persons of each finest cell); the columns are ${csv.header.join(', ')}`,
    })
    return { name, dimensions: [], hierarchies: {}, rows: [] }
  }
  const dims = csv.header.filter((_, i) => i !== nAt && i !== numAt)
  const dimAt = dims.map((d) => csv.header.indexOf(d))
  // Counts are read here, where the text is known: the message quotes what the file holds.
  const count = (field: string, raw: string, line: number): number | undefined => {
    if (/^\d+$/.test(raw)) return Number(raw)
    const negative = /^-\d+$/.test(raw)
    issues.push({
      path: name,
      line,
      code: negative ? 'table/negative-count' : 'table/non-integer-count',
      message: negative ? `negative ${field}: ${raw}` : `${field} is not an integer: "${raw}"`,
    })
    return undefined
  }
  const rows: LeafRow[] = csv.records.flatMap((r) => {
    const n = count('n', (r.fields[nAt] ?? '').trim(), r.line)
    const numerator = numAt >= 0 ? count('numerator', (r.fields[numAt] ?? '').trim(), r.line) : null
    if (n === undefined || numerator === undefined) return []
    return [
      {
        codes: dimAt.map((i) => (r.fields[i] ?? '').trim()),
        n,
        ...(numerator === null ? {} : { numerator }),
        line: r.line,
      },
    ]
  })
  const own = Object.fromEntries(dims.filter((d) => hierarchies[d]).map((d) => [d, hierarchies[d]!]))
  return { name, dimensions: dims, hierarchies: own, rows }
}

/**
 * A primary file: dimension columns (codes at any level; empty: the total), optional `status`
 * (`A`, the default, or `B`) and `singleton` (`true`/`1` or `false`/`0`, the default). A value
 * outside those is an issue naming the line, never read as the default.
 */
function readPrimary(name: string, text: string, issues: Issue[]): CellRef[] {
  const csv = parseCsv(text)
  const bad = (line: number, column: string, value: string, rule: string) =>
    issues.push({ path: name, line, code: 'table/bad-row', message: `${column} "${value}" ${rule}` })
  return csv.records.map((r) => {
    const codes: Record<string, string> = {}
    let status: 'A' | 'B' | undefined
    let singleton = false
    csv.header.forEach((h, i) => {
      const v = (r.fields[i] ?? '').trim()
      if (h === 'status') {
        if (v === 'A' || v === 'B') status = v
        else if (v !== '') bad(r.line, h, v, 'is not A (frequency, the default) or B (dominance)')
      } else if (h === 'singleton') {
        if (v === '1' || v === 'true') singleton = true
        else if (v !== '' && v !== '0' && v !== 'false') bad(r.line, h, v, 'is not true, false, 1 or 0')
      } else if (v !== '') codes[h] = v
    })
    return {
      codes,
      ...(status ? { status } : {}),
      ...(singleton ? { singleton } : {}),
      origin: { path: name, line: r.line },
    }
  })
}

function tableCsv(table: ProtectedTable): string {
  const lines = [[...table.dimensions, 'n', 'status'].map(csvField).join(',')]
  for (const row of table.rows) {
    lines.push([...row.codes.map(csvField), row.n === null ? '' : String(row.n), row.status].join(','))
  }
  return `${lines.join('\n')}\n`
}

/** One line per issue: `file:line: code message`. */
export function formatIssues(issues: readonly Issue[]): string {
  const lines = issues
    .slice(0, 20)
    .map((i) => `${i.path}${i.line ? `:${i.line}` : ''}: ${i.code} ${i.message}`)
  if (issues.length > 20) lines.push(`… and ${issues.length - 20} more`)
  return `bad input, nothing written:\n${lines.join('\n')}`
}
