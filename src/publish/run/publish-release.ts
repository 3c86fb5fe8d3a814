/**
 * `passerelle publish`: builds every dataset from the hub's current data, protects all their
 * tables together (and with the releases still online), and puts a dated release online. A failed
 * definition, protection or audit writes nothing.
 * @module
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/database.ts'
import { INTERRUPTED, untilInterrupted } from '../../db/interruptible.ts'
import { type ProtectionReport, type ProtectResult, protectTables } from '../../privacy/index.ts'
import { buildCatalog, type CatalogInput } from '../catalog/index.ts'
import { readDefinitions, repositoryRoot } from '../definition/read-definitions.ts'
import { type ReleaseSummary, releaseNotesHeading, renderReleaseNotes } from '../docs/index.ts'
import { SearchInterrupted, searchOnThreads } from '../protect/search-threads.ts'
import { earlierCells, type PublishedTableText } from '../release/carry-over.ts'
import { commitRelease, discardStaging, listReleases, stagingFolder } from '../release/commit-release.ts'
import { pooledFollowUps } from '../write/follow-up-coherence.ts'
import { type DatasetOutput, datasetOutput } from './dataset-output.ts'
import { withPublishLock } from './publish-lock.ts'
import { auditFile, type ReleaseEntry, releaseEntry, releaseIndex } from './release-index.ts'
import { buildReleaseTables } from './release-tables.ts'

/** Options of {@link publishRelease}. */
export interface PublishOptions {
  /** Output folder (the site's root). */
  readonly out: string
  /** Release date, YYYY-MM-DD (default: today). */
  readonly date: string
  /** Date of the data: outcomes are known up to it (default: the release date). */
  readonly asOf: string
  /** Folder holding `datasets/` (default: the repository). */
  readonly root?: string
  readonly catalog?: Omit<CatalogInput, 'datasets' | 'releaseDate'>
  /** Progress messages for the operator. */
  readonly log?: (message: string) => void
  /** Tables aggregated at once, each on its own connection (default 1; see HubConfig). */
  readonly connections?: number
  /**
   * Releases online (dates) taken down with this one: it is protected without them, and their
   * folders are removed once it is online. Their files may have been downloaded already.
   */
  readonly withdraw?: readonly string[]
  /**
   * Stops the publication: its facts and aggregation at their next statement, the protection's
   * search for secondary cells at once, and between the other steps; the result is then
   * `publish/interrupted` and nothing is written.
   */
  readonly signal?: AbortSignal
  /**
   * Cancels the statements the store is running (Store.cancelStatements), called when `signal`
   * fires during the facts or the aggregation, so that a server's statement of minutes does not
   * delay the stop.
   */
  readonly cancelStatements?: () => Promise<void>
  /** Threads the protection's search runs on (default: the machine's cores; see HubConfig). */
  readonly threads?: number
}

/** A finding that stops a publication: where, a stable namespaced code, what is wrong. */
export interface PublishIssue {
  readonly path: string
  readonly code: string
  readonly message: string
}

/** The release put online, or every issue that stopped it (nothing written then). */
export type PublishResult =
  | {
      readonly ok: true
      readonly date: string
      readonly datasets: readonly DatasetOutput[]
      readonly report: ProtectionReport
      readonly carriedOver: number
      readonly seconds: Readonly<Record<string, number>>
      /** Releases taken down with this one (sorted, once each). */
      readonly withdrawn: readonly string[]
    }
  | {
      readonly ok: false
      readonly issues: readonly PublishIssue[]
      /** When the protection failed: the releases online it was checked against. */
      readonly releasesOnline?: readonly string[]
    }

/**
 * Runs the whole publication, one at a time on a hub: while another runs, answers
 * `publish/already-running` and does nothing (publish-lock.ts).
 */
export function publishRelease(db: Kysely<Database>, options: PublishOptions): Promise<PublishResult> {
  return withPublishLock(db, () => publishUnlocked(db, options))
}

async function publishUnlocked(db: Kysely<Database>, options: PublishOptions): Promise<PublishResult> {
  const log = options.log ?? (() => {})
  const seconds: Record<string, number> = {}
  // Where a signal stops the facts and aggregation, for the message.
  let reached = 'before the facts'
  const timed = async <T>(step: string, run: () => Promise<T>): Promise<T> => {
    reached = `during the ${step}`
    const started = performance.now()
    const value = await run()
    reached = `after the ${step}`
    seconds[step] = Math.round(performance.now() - started) / 1000
    log(`${step}: ${seconds[step]} s`)
    return value
  }
  const listed = await listReleases(options.out)
  const withdraw = [...new Set(options.withdraw ?? [])].sort()
  const withdrawing = withdrawIssues(options, withdraw, listed)
  if (withdrawing.length > 0) return { ok: false, issues: withdrawing }
  // Every release.json read once: for the interrupted withdrawals, the order and the entries.
  const listedEntries = await releaseEntries(options.out, listed)
  // A withdrawal that a crash left half done (its release online says so, its folder is still there).
  const interrupted = interruptedWithdrawals(listedEntries, listed)
  if (interrupted.length > 0)
    log(
      `releases withdrawn earlier whose folders are still there, removed with this release: ${interrupted.join(', ')}`,
    )
  const online = listed.filter((d) => d !== options.date && !withdraw.includes(d) && !interrupted.includes(d))
  // Against every release listed, withdrawn ones included: a withdrawal does not let a release go
  // back in time.
  const order = releaseOrder(
    options,
    listed.filter((d) => d !== options.date && !interrupted.includes(d)),
    listedEntries,
  )
  if (order.length > 0) return { ok: false, issues: order }
  const definitions = await readDefinitions(options.root ?? repositoryRoot)
  if (!definitions.ok) return { ok: false, issues: definitions.issues }
  const onlineAsOf = online.flatMap((d) => listedEntries.get(d)?.asOf ?? [])
  const stop = { ...(options.signal ? { signal: options.signal } : {}), cancel: options.cancelStatements }
  const built = await untilInterrupted(db, stop, (hub) =>
    buildReleaseTables(hub, definitions.value, options.asOf, timed, options.connections, onlineAsOf),
  )
  if (built === INTERRUPTED || options.signal?.aborted) return interruptedResult(reached)
  if (!built.ok) return built
  const tables = built.value
  const onlineCells = earlierCells(
    await previousTables(options.out, online, tables.published, listedEntries),
    (table, dimension, code) => tables.hasCode(table, dimension, code),
    tables.observedCell,
  )
  const carriedOver = onlineCells.primary.length + onlineCells.secondary.length
  let protectedRelease: ProtectResult
  try {
    protectedRelease = await timed('protection', () =>
      protectTables(tables.inputs, {
        tableRules: tables.rules,
        primary: onlineCells.primary,
        held: onlineCells.secondary,
        published: onlineCells.published,
        audit: 'primary',
        runner: searchOnThreads(options.threads, options.signal, {
          started: (components, threads) =>
            log(
              `protection: searching ${components} population(s) for secondary cells${threads > 0 ? ` on ${threads} thread(s)` : ''}`,
            ),
          searched: ({ tables, cells, seconds }) =>
            log(
              `protection: searched ${cells.toLocaleString('en-US')} cells of ${tablesNamed(tables)} in ${seconds} s`,
            ),
        }),
      }),
    )
  } catch (error) {
    if (error instanceof SearchInterrupted) return interruptedResult('during the protection')
    throw error
  }
  if (options.signal?.aborted) return interruptedResult('after the protection')
  if (!protectedRelease.ok) return { ok: false, issues: protectedRelease.issues }
  const { report } = protectedRelease
  const republished = report.republished ?? []
  if (republished.length > 0)
    log(
      `protection: ${republished.length} cell(s) whose rates break the rules now were published with these values by a release still online; they stay published, as hiding them would hide nothing (to take them back, withdraw that release: publish --withdraw DATE; audit.json lists them): ${republished.slice(0, 5).join('; ')}${republished.length > 5 ? '; …' : ''}`,
    )
  const relaxed = report.relaxed ?? []
  if (relaxed.length > 0)
    log(
      `protection: ${relaxed.length} primary cell(s) have no suppression pattern against a reader of the statuses (a cell shown A holds at least one person, so a margin whose published children leave it to its A children tells them); they are protected as PRIVACY.md §4 asks, against a reader of the values alone (audit.json counts them, without naming them): ${relaxed.slice(0, 5).join('; ')}${relaxed.length > 5 ? '; …' : ''}`,
    )
  if (report.issues.length > 0 || report.audit?.ok !== true) {
    return {
      ok: false,
      releasesOnline: online,
      issues: [
        ...report.issues,
        ...(report.audit?.ok === true
          ? []
          : [
              { path: 'audit', code: 'disclosure/unprotected' as const, message: 'the release audit failed' },
            ]),
      ],
    }
  }
  const entries = online.flatMap((d) => listedEntries.get(d) ?? [])
  const earlier = await earlierSummaries(options.out, entries)
  const protection = { releasesOnline: online, audit: report.audit }
  const catalogSettings = { ...options.catalog, releaseDate: options.date }
  const outputs: DatasetOutput[] = []
  const issues: PublishIssue[] = []
  const hidden = pooledFollowUps(
    definitions.value.flatMap((d) =>
      d.tables.flatMap((t) => {
        const table = protectedRelease.tables.find((p) => p.name === `${d.slug}/${t.name}`)
        return table ? [{ table, population: t.population, measures: t.measures }] : []
      }),
    ),
    tables.pooled,
  )
  for (const definition of definitions.value) {
    const output = datasetOutput({
      definition,
      tables: protectedRelease.tables,
      hidden,
      report,
      labels: tables.labels[definition.slug]!,
      date: options.date,
      asOf: options.asOf,
      territories: tables.territories,
      partners: tables.partners,
      earlier: earlier.get(definition.slug) ?? [],
      protection,
      catalog: catalogSettings,
    })
    if (output.ok) outputs.push(output.value)
    else issues.push(...output.issues)
  }
  if (issues.length > 0) return { ok: false, issues }
  // The last point where stopping writes nothing: the files go online below.
  if (options.signal?.aborted) return interruptedResult('while writing the outputs')
  await timed('files', () =>
    writeRelease(options, outputs, report, carriedOver, entries, earlier, catalogSettings, {
      withdraw,
      interrupted,
    }),
  )
  return {
    ok: true,
    date: options.date,
    datasets: outputs,
    report,
    carriedOver,
    seconds,
    withdrawn: withdraw,
  }
}

async function writeRelease(
  options: PublishOptions,
  outputs: readonly DatasetOutput[],
  report: ProtectionReport,
  carriedOver: number,
  entries: readonly ReleaseEntry[],
  earlier: ReadonlyMap<string, readonly ReleaseSummary[]>,
  catalogSettings: Omit<CatalogInput, 'datasets'>,
  { withdraw, interrupted }: { withdraw: readonly string[]; interrupted: readonly string[] },
): Promise<void> {
  await mkdir(options.out, { recursive: true })
  const staging = await stagingFolder(options.out)
  try {
    const put = async (path: string, data: string | Uint8Array) => {
      for (const copy of ['latest', 'release']) {
        await mkdir(dirname(join(staging, copy, path)), { recursive: true })
        await writeFile(join(staging, copy, path), data)
      }
    }
    for (const output of outputs) {
      for (const file of output.files) await put(`datasets/${output.summary.slug}/${file.path}`, file.bytes)
    }
    const catalog = await buildCatalog({ ...catalogSettings, datasets: outputs.map((o) => o.catalog) })
    await put('catalog.jsonld', `${JSON.stringify(catalog, null, 2)}\n`)
    await put(
      'audit.json',
      auditFile({
        date: options.date,
        asOf: options.asOf,
        report,
        carriedOver,
        releasesOnline: entries.map((e) => e.date),
      }),
    )
    const entry = releaseEntry(
      options.date,
      options.asOf,
      outputs.map((o) => o.summary),
      withdraw,
    )
    await put('release.json', `${JSON.stringify(entry, null, 2)}\n`)
    await put('releases.json', releaseIndex(entry, entries))
    const notes = renderReleaseNotes(
      options.date,
      outputs.map((o) => ({ release: o.summary, earlier: earlier.get(o.summary.slug) ?? [] })),
      withdraw,
    )
    const previousNotes = await readFile(join(options.out, 'CHANGELOG.md'), 'utf8').catch(() => '')
    const changelog = `${notes.trimEnd()}\n\n${stripRelease(previousNotes, options.date)}`.trimEnd()
    await put('CHANGELOG.md', `${changelog}\n`)
    await commitRelease(options.out, options.date, staging, [...withdraw, ...interrupted])
  } catch (error) {
    await discardStaging(staging)
    throw error
  }
}

/**
 * A release withdrawn must be online, and not the one this publication replaces (publishing again
 * on a date replaces that date's release already).
 */
function withdrawIssues(
  options: PublishOptions,
  withdraw: readonly string[],
  listed: readonly string[],
): PublishIssue[] {
  return withdraw.flatMap((date): PublishIssue[] => {
    if (date === options.date)
      return [
        {
          path: 'withdraw',
          code: 'release/withdraw-own-date',
          message: `release ${date} is this publication's own date: publishing again on a date replaces that date's release, withdraw nothing`,
        },
      ]
    if (listed.includes(date)) return []
    return [
      {
        path: 'withdraw',
        code: 'release/not-online',
        message: `no release of ${date} is online in ${options.out} (online: ${listed.length > 0 ? listed.join(', ') : 'none'})`,
      },
    ]
  })
}

/**
 * Releases follow each other: a date before the latest release online, or data older than its
 * data, would make "latest" a step back, and its protection would be checked against releases
 * that come after it. The same date replaces that release.
 */
function releaseOrder(
  options: PublishOptions,
  online: readonly string[],
  entries: ReadonlyMap<string, ReleaseEntry>,
): PublishIssue[] {
  const latest = online.at(-1)
  if (latest === undefined) return []
  if (latest > options.date)
    return [
      {
        path: 'date',
        code: 'release/out-of-order',
        message: `release date ${options.date} is before the latest release online, ${latest}: releases are published in date order (publishing again on ${latest} replaces it)`,
      },
    ]
  const entry = entries.get(latest)
  if (entry && entry.asOf > options.asOf)
    return [
      {
        path: 'asOf',
        code: 'release/out-of-order',
        message: `data date ${options.asOf} is before the data date of the latest release online (${latest}, data as of ${entry.asOf}): a release cannot go back in time`,
      },
    ]
  return []
}

/** The release notes without the section of a release published again the same day. */
function stripRelease(notes: string, date: string): string {
  // Sections are headed by the French date, not the ISO one.
  const heading = releaseNotesHeading(date)
  const sections = notes.split(/(?=^## )/m)
  return sections.filter((s) => s.split('\n', 1)[0]!.trimEnd() !== heading).join('')
}

/**
 * Releases listed online that a release online says it withdrew: what a publication interrupted
 * between putting its release online and removing the withdrawn folders left.
 */
function interruptedWithdrawals(
  entries: ReadonlyMap<string, ReleaseEntry>,
  listed: readonly string[],
): string[] {
  const withdrawn = new Set([...entries.values()].flatMap((e) => e.withdrawn ?? []))
  return listed.filter((d) => withdrawn.has(d))
}

async function previousTables(
  out: string,
  online: readonly string[],
  published: readonly {
    table: string
    slug: string
    name: string
    dimensions: readonly string[]
    count: string
  }[],
  entries: ReadonlyMap<string, ReleaseEntry>,
): Promise<PublishedTableText[]> {
  const texts: PublishedTableText[] = []
  for (const date of online) {
    const asOf = entries.get(date)?.asOf
    for (const t of published) {
      const path = join(out, 'releases', date, 'datasets', t.slug, `${t.name}.csv`)
      const csv = await readFile(path, 'utf8').catch(() => null)
      if (csv !== null)
        texts.push({
          table: t.table,
          dimensions: t.dimensions,
          count: t.count,
          csv,
          ...(asOf ? { asOf } : {}),
        })
    }
  }
  return texts
}

/** The index (`release.json`) of each release still online that has one. */
async function releaseEntries(out: string, online: readonly string[]): Promise<Map<string, ReleaseEntry>> {
  // Keyed by folder: a folder's own name says which release it holds online.
  const entries = new Map<string, ReleaseEntry>()
  for (const date of online) {
    const text = await readFile(join(out, 'releases', date, 'release.json'), 'utf8').catch(() => null)
    if (text) entries.set(date, JSON.parse(text) as ReleaseEntry)
  }
  return entries
}

async function earlierSummaries(
  out: string,
  entries: readonly ReleaseEntry[],
): Promise<Map<string, ReleaseSummary[]>> {
  const bySlug = new Map<string, ReleaseSummary[]>()
  for (const entry of entries) {
    for (const { slug } of entry.datasets) {
      const text = await readFile(
        join(out, 'releases', entry.date, 'datasets', slug, 'release.json'),
        'utf8',
      ).catch(() => null)
      if (text) bySlug.set(slug, [...(bySlug.get(slug) ?? []), JSON.parse(text) as ReleaseSummary])
    }
  }
  return bySlug
}

/** « 3 tables (a, b, c) », « 12 tables (a, b, c, …) »: a population, as the operator's log names it. */
function tablesNamed(tables: readonly string[]): string {
  const named = tables.slice(0, 3).join(', ')
  return `${tables.length} table${tables.length === 1 ? '' : 's'} (${named}${tables.length > 3 ? ', …' : ''})`
}

/** The result of a publication its signal stopped (`when`: "during the facts"…): nothing written. */
function interruptedResult(when: string): PublishResult {
  return {
    ok: false,
    issues: [
      {
        path: when.replace(/^(during|after|before|while) (the )?/, ''),
        code: 'publish/interrupted',
        message: `interrupted ${when}: nothing was written, the releases online are unchanged`,
      },
    ],
  }
}
