import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { type AuditInput, auditTables, type HierarchyRow, parseCsv } from '../../privacy/index.ts'
import { CliError, type Command } from '../io.ts'
import { formatIssues } from './protect.ts'

const usage = 'passerelle audit DIR [--min-protection 1]'

interface Structure {
  readonly file: string
  readonly dimensions: string[]
  readonly hierarchies: Record<string, HierarchyRow[]>
}

/** `passerelle audit DIR`: re-checks a directory written by `protect` with the attacker LP over all its tables. */
export const auditCommand: Command = {
  name: 'audit',
  summary: 're-check protected or published tables with the attacker LP',
  usage,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: { 'min-protection': { type: 'string' } },
      allowPositionals: true,
    })
    const dir = positionals[0]
    if (!dir || positionals.length > 1) throw new CliError(`usage: ${usage}`, 2)
    const minProtection = Number(values['min-protection'] ?? 1)
    if (!(minProtection > 0)) throw new CliError(`invalid --min-protection: ${values['min-protection']}`, 2)
    const root = resolve(io.cwd, dir)
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
    const result = await auditTables(tables, { minProtection })
    if (result.cells.length === 0 && !result.ok) throw new CliError(formatIssues(result.issues))
    const exact = result.cells.filter((c) => c.interval.up - c.interval.low < 1e-9).length
    io.out(
      `audited ${tables.length} table(s): ${result.cells.length} suppressed cells, ${exact} exactly disclosed, ${result.issues.length} unprotected (${result.seconds.toFixed(2)} s)`,
    )
    for (const issue of result.issues) io.err(`${issue.path}: ${issue.code} ${issue.message}`)
    return result.ok ? 0 : 1
  },
}

async function read(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8')
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${(error as Error).message}`)
  }
}
