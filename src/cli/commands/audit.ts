import { existsSync, statSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { type AuditInput, auditTables, type HierarchyRow, type Issue, parseCsv } from '../../privacy/index.ts'
import { DOMINANCE_MEASURE } from '../../publish/aggregate/plan.ts'
import { CliError, type CliIo, type Command } from '../io.ts'
import { duration } from '../progress.ts'
import { formatIssues } from './protect.ts'
import { isRelease, readReleaseTables } from './release-tables.ts'

const usage = 'passerelle audit DIR [--min-protection 1]'

interface Structure {
  readonly file: string
  readonly dimensions: string[]
  readonly hierarchies: Record<string, HierarchyRow[]>
}

/**
 * `passerelle audit DIR`: re-checks with the attacker LP a directory written by `protect`, or a
 * published release (`publish`'s output folder or one of its `releases/<date>/`).
 */
export const auditCommand: Command = {
  name: 'audit',
  summary: 're-check protected or published tables with the attacker LP',
  usage,
  options: [['--min-protection N', 'a suppressed cell narrowed below ± this is reported (default 1)']],
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: { 'min-protection': { type: 'string' } },
      allowPositionals: true,
    })
    const dir = positionals[0]
    if (!dir || positionals.length > 1) throw new CliError(`usage: ${usage}`, 2)
    const minProtection = Number(values['min-protection'] ?? 1)
    if (!(minProtection > 0))
      throw new CliError(
        `--min-protection "${values['min-protection']}" is not a number above 0 (persons)`,
        2,
      )
    const root = resolve(io.cwd, dir)
    if (!existsSync(root)) throw new CliError(`${dir}: no such folder`)
    if (!statSync(root).isDirectory())
      throw new CliError(`${dir} is a file: audit takes the folder that protect or publish wrote`)
    if (!existsSync(resolve(root, 'report.json'))) {
      if (await isRelease(root)) return auditRelease(root, minProtection, io)
      throw new CliError(
        `${dir} holds neither tables written by passerelle protect (report.json) nor a published release (datasets/<slug>/datapackage.json): nothing to audit`,
      )
    }
    const report = JSON.parse(await read(resolve(root, 'report.json'))) as { structure?: Structure[] }
    if (!report.structure)
      throw new CliError(`${dir}/report.json has no table structure (not written by protect?)`)
    const tables: AuditInput[] = []
    for (const s of report.structure) {
      const csv = parseCsv(await read(resolve(root, s.file)))
      const at = (name: string) => csv.header.indexOf(name)
      tables.push({
        name: s.file,
        dimensions: s.dimensions,
        hierarchies: s.hierarchies,
        rows: csv.records.map((r) => {
          const n = (r.fields[at('n')] ?? '').trim()
          return {
            codes: s.dimensions.map((d) => r.fields[at(d)] ?? ''),
            n: n === '' ? null : Number(n),
            status: (r.fields[at('status')] ?? 'V').trim(),
            line: r.line,
          }
        }),
      })
    }
    const result = await interruptible(io, () =>
      auditTables(tables, { minProtection, ...watch(io, `${tables.length} table(s)`) }),
    )
    if (result.cells.length === 0 && !result.ok) throw new CliError(formatIssues(result.issues))
    const exact = result.cells.filter((c) => c.interval.up - c.interval.low < 1e-9).length
    io.out(
      `audited ${tables.length} table(s): ${result.cells.length} suppressed cells, ${exact} exactly disclosed, ${result.issues.length} unprotected (${result.seconds.toFixed(2)} s)`,
    )
    for (const issue of result.issues) io.err(`${issue.path}: ${issue.code} ${issue.message}`)
    return result.ok ? 0 : 1
  },
}

/**
 * Audits a published release from its files alone, each group of tables counting the same units
 * together (the entries of every dataset are one set of linked tables): what a reader holding the
 * files can learn of every suppressed cell.
 */
async function auditRelease(root: string, minProtection: number, io: CliIo): Promise<number> {
  const groups = await readReleaseTables(root, read)
  let ok = true
  let tables = 0
  let cells = 0
  let exact = 0
  let seconds = 0
  const issues: Issue[] = []
  for (const group of groups) {
    // A release's audit takes minutes (every suppressed cell is an LP target): say where it is.
    io.err(`auditing the ${group.tables.length} table(s) counting ${group.count}…`)
    // A cell shown `A` or `B` holds at least one unit of its count; its euros may be 0.
    const statusesShown = group.count !== DOMINANCE_MEASURE
    const result = await interruptible(io, () =>
      auditTables(group.tables, { minProtection, statusesShown, ...watch(io, group.count) }),
    )
    io.err(`${group.count}: ${result.cells.length} suppressed cells in ${result.seconds.toFixed(1)} s`)
    if (result.cells.length === 0 && !result.ok) throw new CliError(formatIssues(result.issues))
    ok &&= result.ok
    tables += group.tables.length
    cells += result.cells.length
    exact += result.cells.filter((c) => c.interval.up - c.interval.low < 1e-9).length
    seconds += result.seconds
    issues.push(...result.issues)
  }
  io.out(
    `audited the release's ${tables} table(s) in ${groups.length} linked set(s) (${groups.map((g) => g.count).join(', ')}): ${cells} suppressed cells, ${exact} exactly disclosed, ${issues.length} unprotected (${seconds.toFixed(2)} s)`,
  )
  for (const issue of issues) io.err(`${issue.path}: ${issue.code} ${issue.message}`)
  return ok ? 0 : 1
}

/** How often progress is written as a line where no status line can be redrawn (a log file). */
const PROGRESS_LINE_MS = 30_000

/**
 * The audit's stop signal and progress report: on a terminal a redrawn status line, elsewhere a
 * line every {@link PROGRESS_LINE_MS}. The solves give the event loop a turn now and then, where
 * Ctrl-C or SIGTERM (processIo's `interrupted`) stops them.
 */
function watch(io: CliIo, what: string) {
  let written = performance.now()
  const started = written
  return {
    signal: io.interrupted,
    onProgress: (done: number, total: number) => {
      const elapsed = (performance.now() - started) / 1000
      const line = `auditing ${what}: ${done} of ${total} suppressed cells bounded, ${duration(elapsed)}${done > 0 && done < total ? `, ETA ${duration((elapsed * (total - done)) / done)}` : ''}`
      if (io.status) io.status(line)
      else if (performance.now() - written >= PROGRESS_LINE_MS) {
        io.err(line)
        written = performance.now()
      }
    },
  }
}

/** Runs an audit; stopped by the operator, it ends with exit code 130 (nothing was written). */
async function interruptible<T>(io: CliIo, run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (error) {
    if (io.interrupted?.aborted) throw new CliError('interrupted: the audit stopped before its end', 130)
    throw error
  } finally {
    io.status?.('')
  }
}

async function read(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8')
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${(error as Error).message}`)
  }
}
