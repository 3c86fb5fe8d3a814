import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { readConfig } from '../../config.ts'
import { isCalendarDate } from '../../lib/dates.ts'
import { ensureFolder, existingFolder } from '../../lib/ensure-folder.ts'
import { normalizeBaseUrl } from '../../publish/catalog/site.ts'
import { type PublishIssue, publishRelease } from '../../publish/run/publish-release.ts'
import { buildSiteIn } from '../../site/build-site.ts'
import { formatCount, withHub } from '../hub.ts'
import { CliError, type Command } from '../io.ts'

const usage =
  'passerelle publish [--out DIR] [--date YYYY-MM-DD] [--as-of YYYY-MM-DD] [--base-url URL] [--datasets-root DIR] [--withdraw YYYY-MM-DD …]'

/** `passerelle publish`: a protected, documented, dated release of every dataset. */
export const publishCommand: Command = {
  name: 'publish',
  summary: 'build, protect and publish every dataset of datasets/ as a dated release',
  usage,
  options: [
    ['--out DIR', "where to write (default the data folder's public/, which serve shows)"],
    ['--date D', "the release's date (default today; not in the future, not before the latest release)"],
    ['--as-of D', "the date of the data: the hub as it stood that day (default the release's date)"],
    [
      '--base-url URL',
      "the site's public address, for the catalogue's links (default http://localhost:8080/)",
    ],
    ['--datasets-root DIR', "the folder holding datasets/ (default this project's)"],
    [
      '--withdraw D',
      'take the release of date D down with this one (repeatable): this one is protected without it, and its folder is removed once this one is online. Files already downloaded stay known: for a release that must come down anyway',
    ],
  ],
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        out: { type: 'string' },
        date: { type: 'string' },
        'as-of': { type: 'string' },
        'base-url': { type: 'string' },
        'datasets-root': { type: 'string' },
        withdraw: { type: 'string', multiple: true },
      },
      strict: true,
    })
    const withdraw = values.withdraw ?? []
    const today = new Date().toISOString().slice(0, 10)
    const date = values.date ?? today
    const asOf = values['as-of'] ?? date
    for (const [name, value] of [
      ['date', date],
      ['as-of', asOf],
      ...withdraw.map((d) => ['withdraw', d] as const),
    ] as const) {
      if (!isCalendarDate(value))
        throw new CliError(`--${name} "${value}" must be a date YYYY-MM-DD of the calendar`, 2)
    }
    if (asOf > date) throw new CliError(`--as-of ${asOf} is after the release date ${date}`, 2)
    // Outcomes are measured up to the data date: one not reached yet would count as "no
    // employment" the months whose payroll returns do not exist yet.
    if (date > today)
      throw new CliError(
        `--date ${date} is after today (${today}): a release is dated when it goes online`,
        2,
      )
    // Checked before the store opens: the publication's minutes of work would otherwise end on them.
    const config = readConfig(io.env, io.cwd)
    const out = values.out ? resolve(io.cwd, values.out) : resolve(config.dataDir, 'public')
    const problem = ensureFolder(out, { probe: true })
    if (problem !== null)
      throw new CliError(
        values.out
          ? `--out "${values.out}" cannot take the release: ${problem}`
          : `PASSERELLE_DATA "${config.dataDir}" cannot take the release in ${out}: ${problem}`,
        2,
      )
    const root = values['datasets-root'] ? datasetsRoot(values['datasets-root'], io.cwd) : undefined
    const baseUrl = values['base-url']
    if (baseUrl !== undefined) {
      try {
        normalizeBaseUrl(baseUrl)
      } catch {
        throw new CliError(
          `--base-url "${baseUrl}" must be an absolute http:// or https:// URL without ?query or #fragment (e.g. https://donnees.example.fr/formation/)`,
          2,
        )
      }
    }
    return withHub(io, { needsSecret: false, existing: true, config }, async ({ store }) => {
      const result = await publishRelease(store.db, {
        out,
        date,
        asOf,
        ...(root ? { root } : {}),
        ...(baseUrl !== undefined ? { catalog: { baseUrl } } : {}),
        log: (message) => io.err(message),
        // PGlite runs one statement at a time: more connections would only queue.
        connections: store.kind === 'pg' ? config.publishConnections : 1,
        threads: config.protectThreads,
        withdraw,
        ...(io.interrupted ? { signal: io.interrupted } : {}),
        cancelStatements: store.cancelStatements,
      })
      if (!result.ok && result.issues.some((i) => i.code === 'publish/interrupted'))
        throw new CliError(
          'interrupted: nothing was written, the releases online are unchanged; run publish again',
          130,
        )
      if (!result.ok) throw new CliError(failureReport(result.issues, result.releasesOnline ?? []))
      const set = result.report.set
      io.out(
        `release ${date} (data as of ${asOf}) in ${out}: ${result.datasets.length} datasets, ${result.report.tables.length} tables, ${formatCount(set.cells)} cells, ${formatCount(set.byStatus.A + set.byStatus.B)} primary and ${formatCount(set.byStatus.D)} secondary suppressions (${(set.cellsSuppressedShare * 100).toFixed(1)} % of cells), ${formatCount(result.carriedOver)} carried over from earlier releases${result.withdrawn.length > 0 ? `; withdrawn: ${result.withdrawn.join(', ')}` : ''}; audit ok`,
      )
      // The site is built from the release now online, from its files alone.
      await buildSiteIn(out, (message) => io.err(message))
      return 0
    })
  },
}

/** The folder `--datasets-root` names, once it is seen to hold a `datasets/` folder; a CliError otherwise. */
function datasetsRoot(value: string, cwd: string): string {
  const root = resolve(cwd, value)
  const problem = existingFolder(join(root, 'datasets'), { write: false })
  if (problem !== null)
    throw new CliError(
      `--datasets-root "${value}" must be a folder holding datasets/<slug>/dataset.json: ${problem}`,
      2,
    )
  return root
}

/**
 * What a failed publication prints: every issue on its line, and, when releases still online are
 * the cause (what they published narrows what this one must hide), the option that takes one down
 * and the releases it was checked against (which of them narrows the cell, the check cannot tell).
 */
export function failureReport(issues: readonly PublishIssue[], online: readonly string[]): string {
  const lines = issues.map((i) => `${i.path}: ${i.code} ${i.message}`)
  if (issues.some((i) => i.code === 'disclosure/narrowed-by-release-online'))
    lines.push(
      `hint: --withdraw DATE takes a release still online down with this one (its files may have been downloaded already); online: ${online.join(', ')}`,
    )
  return `publication failed, nothing written:\n${lines.join('\n')}`
}
