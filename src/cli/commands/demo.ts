import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type { Kysely } from 'kysely'
import { refreshPartnerSummaries } from '../../access/summaries.ts'
import { readConfig } from '../../config.ts'
import type { Database } from '../../db/database.ts'
import { importFile } from '../../ingest/import-file.ts'
import { createPreparer } from '../../ingest/preparer.ts'
import { readCsvAll } from '../../lib/csv.ts'
import type { PartnerKind } from '../../partners/partner.repository.ts'
import { listReleases } from '../../publish/release/commit-release.ts'
import { publishRelease } from '../../publish/run/publish-release.ts'
import { buildSiteIn } from '../../site/build-site.ts'
import { alignColumns } from '../columns.ts'
import {
  type DemoCredential,
  type DemoSignIn,
  type DemoToken,
  type DisabledDemoAccount,
  demoCredentialsPath,
  ensureDemoSignIns,
  ensureDemoTokens,
  mergeDemoCredentials,
  readDemoCredentials,
  writeDemoCredentials,
} from '../demo-credentials.ts'
import { loadDemoReferentials } from '../demo-referentials.ts'
import { recordDemoRelease, releaseUpToDate } from '../demo-release.ts'
import { demoWatermark } from '../demo-watermark.ts'
import { formatCount, prepareThreads, utc, withHub } from '../hub.ts'
import { CliError, type CliIo, type Command } from '../io.ts'
import { demoSecretPath, readDemoSecret } from '../missing-secret.ts'
import { operatorName } from '../operator.ts'
import { duration, progressLine } from '../progress.ts'
import { generateCommand } from './generate.ts'
import { portOption, startServing, untilStopped } from './serve.ts'

/** Large enough to be interesting (suppression, co-funding, outcomes), small enough to start in about a minute. */
export const DEMO_DOSSIERS = 30_000

/** The reference stock (DOMAIN.md): beyond it the demo, on the embedded store, would run for hours. */
export const MAX_DEMO_DOSSIERS = 8_000_000

/**
 * `passerelle demo`: the whole chain on the embedded store — generate, create partners, load the
 * referentials, import every feed, summarise, publish, serve. Re-running it reuses what is already
 * done: the data, the referentials, the credentials it printed while they still work (kept beside
 * its secret, demo-credentials.ts; replaced all with `--new-credentials`) and the release it
 * published while nothing it was made from changed (demo-release.ts).
 */
export const demoCommand: Command = {
  name: 'demo',
  summary: 'generate synthetic data, ingest it, publish it and serve it (what npm start runs)',
  usage: `passerelle demo [--dossiers ${DEMO_DOSSIERS}] [--seed 1] [--port 8080] [--no-serve] [--no-publish] [--new-credentials]`,
  options: [
    ['--dossiers N', 'how many dossiers to generate (default 30000; at most 8,000,000)'],
    ['--seed S', 'seed of the generator: the same seed gives the same data (default 1)'],
    ['--port P', 'port to serve on (default $PORT, else 8080)'],
    ['--no-serve', 'stop once published instead of serving'],
    ['--no-publish', 'do not publish the datasets (nor build the site)'],
    [
      '--new-credentials',
      "replace every partner's token (the old ones revoked) and partner-area password instead of printing the last run's again (an account the operator disabled stays as it is)",
    ],
  ],
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        dossiers: { type: 'string' },
        seed: { type: 'string' },
        port: { type: 'string' },
        'no-serve': { type: 'boolean' },
        'no-publish': { type: 'boolean' },
        'new-credentials': { type: 'boolean' },
      },
      strict: true,
    })
    const dossiers = Number(values.dossiers ?? DEMO_DOSSIERS)
    if (!Number.isInteger(dossiers) || dossiers < 1)
      throw new CliError(`--dossiers "${values.dossiers}" must be a positive integer`, 2)
    if (dossiers > MAX_DEMO_DOSSIERS)
      throw new CliError(
        `--dossiers ${values.dossiers} is more than the demo takes (${MAX_DEMO_DOSSIERS.toLocaleString('en-US')}, the reference stock, already hours on the embedded store): for a hub of that size, write files with passerelle generate (at most as many) and import them into a PostgreSQL server (DATABASE_URL)`,
        2,
      )
    const seed = values.seed ?? '1'
    const port = portOption(values.port, io.env)
    const base = readConfig(io.env, io.cwd)
    // The demo always runs on the embedded store in its data folder, whatever DATABASE_URL says.
    const kept = readDemoSecret(base.dataDir)
    const config = {
      ...base,
      databaseUrl: null,
      secret: base.secret ?? kept ?? randomBytes(32).toString('hex'),
    }
    const dataDir = join(config.dataDir, 'demo', `${dossiers}-${seed}`)
    const operator = operatorName(io.env)
    const again = againCommand(io.env, values)
    const started = Date.now()
    // withHub refuses a hub the demo did not make before anything is written into its folder.
    return withHub(io, { needsSecret: true, config, origin: 'demo' }, async ({ store, secret }) => {
      if (base.secret === null && kept === null) writeDemoSecret(base.dataDir, secret)
      await generateOnce(io, dataDir, dossiers, seed)
      io.err(`store: embedded PostgreSQL (PGlite) in ${store.location}`)
      const credentials = await ensureCredentials(io, store.db, {
        hubDir: base.dataDir,
        dataDir,
        operator,
        renew: values['new-credentials'] === true,
      })
      await loadDemoReferentials(store.db, { dataDir, secret, log: io.err })
      const preparer = await createPreparer(secret, prepareThreads(io.env))
      const today = new Date().toISOString().slice(0, 10)
      const totals: ImportTotals = {
        records: 0,
        accepted: 0,
        unchanged: 0,
        rejected: 0,
        feeds: 0,
        earlier: 0,
        newlyAccepted: 0,
      }
      const feeds = readdirSync(join(dataDir, 'feeds')).sort()
      const width = Math.max(...feeds.map((f) => f.replace(/\.ndjson$/, '').length))
      for (const file of feeds) {
        const partnerCode = file.replace(/\.ndjson$/, '')
        // A small hub leaves some partners without a record: `import` refuses an empty file.
        if (statSync(join(dataDir, 'feeds', file)).size === 0) {
          io.err(
            `import ${partnerCode.padEnd(width)} ${formatCount(0).padStart(8)} records, ${formatCount(0).padStart(8)} accepted, ${formatCount(0).padStart(5)} rejected (no record generated)`,
          )
          continue
        }
        const summary = await importFile(store.db, {
          partnerCode,
          path: join(dataDir, 'feeds', file),
          rejectsPath: join(dataDir, 'rejects', file),
          preparer,
          today,
          ...(io.interrupted ? { signal: io.interrupted } : {}),
          ...(io.status
            ? { onProgress: (p) => io.status?.(`${partnerCode.padEnd(width)} ${progressLine(p)}`) }
            : {}),
        })
        io.status?.('')
        if (summary.status === 'interrupted')
          throw new CliError('interrupted; run the demo again to continue', 130)
        const c = summary.counts
        totals.records += c.records
        totals.accepted += c.created + c.updated
        totals.unchanged += c.unchanged
        totals.rejected += c.invalid + c.stale + c.conflict
        totals.feeds += 1
        // A file imported by an earlier run reports that run's counts: nothing of it is new.
        if (summary.alreadyImported) totals.earlier += 1
        else totals.newlyAccepted += c.created + c.updated
        io.err(
          `import ${partnerCode.padEnd(width)} ${formatCount(c.records).padStart(8)} records, ${formatCount(c.created + c.updated).padStart(8)} accepted, ${formatCount(c.invalid + c.stale + c.conflict).padStart(5)} rejected${summary.alreadyImported ? ' (already imported)' : ''}`,
        )
      }
      await preparer.close()
      // As `import` does: each partner's first view of its dashboard and quality page is ready.
      const summariesStarted = Date.now()
      for (const { id } of await store.db.selectFrom('partner').select('id').orderBy('id').execute())
        await refreshPartnerSummaries(store.db, id, today)
      io.err(`partner area summaries: ${duration((Date.now() - summariesStarted) / 1000)}`)
      io.out(importedLine(totals, Date.now() - started))
      const out = resolve(config.dataDir, 'public')
      const asOf = dataDate(dataDir, today)
      const total = () => duration((Date.now() - started) / 1000)
      const print = () =>
        printCredentials(io, credentials, { port, renewed: values['new-credentials'] === true })
      // The API and the partner area answer while the datasets are published: the protection
      // searches on worker threads, so this thread stays free for requests, but for the statements
      // of the facts and aggregation (each holds the embedded store's one connection for seconds).
      let publishing = false
      // Made before it is served, which it will be while the first release is published.
      if (!values['no-serve']) mkdirSync(out, { recursive: true })
      const serving = values['no-serve']
        ? undefined
        : await startServing(io, {
            db: store.db,
            storeKind: store.kind,
            secret,
            site: out,
            port,
            host: '0.0.0.0',
            trustProxy: config.trustProxy,
            sitePublishing: () => publishing,
          })
      let printed = false
      try {
        const site = values['no-publish']
          ? ' (not published: --no-publish)'
          : await publishDemo(io, store.db, {
              hubDir: base.dataDir,
              out,
              today,
              asOf,
              newData: totals.newlyAccepted > 0,
              serving: serving !== undefined,
              publishAnyway: publishCommand(io.env, asOf),
              threads: config.protectThreads,
              onPublishing: () => {
                publishing = true
                if (!serving) return
                // What a newcomer can use at once, before the publication's minutes of log.
                print()
                printed = true
                io.out(
                  `\nPasserelle demo serving in ${total()}: ${serving.url}/api/v1 (the partner API), ${serving.url}/espace-partenaire/ (the partner area); the site follows at ${serving.url}/ once published (its pages say so meanwhile)`,
                )
              },
            })
        publishing = false
        // Printed last, once nothing but serving is left: the credentials are what a newcomer
        // reaches for once the demo is ready, and the publication's minutes of log would bury them.
        if (!printed) print()
        if (!serving) {
          io.out(
            `\nPasserelle demo ready in ${total()}${site}; to serve it: ${again} (what is done already is not done again)`,
          )
          return 0
        }
        const siteThere = existsSync(join(out, 'index.html'))
        io.out(
          `\nPasserelle demo ready in ${total()}: ${serving.url}/ (${siteThere ? 'the site' : 'no site published yet'}), ${serving.url}/api/v1 (the partner API), ${serving.url}/espace-partenaire/ (the partner area)${printed ? '; the partner credentials are printed above' : ''}; Ctrl-C stops`,
        )
        await untilStopped(io)
        return 0
      } finally {
        publishing = false
        await serving?.stop()
      }
    })
  },
}

/** How {@link publishDemo} is told what to publish, and where. */
interface PublishDemoOptions {
  /** Threads the protection searches on (PASSERELLE_PROTECT_THREADS). */
  readonly threads: number
  /** The hub's data folder, where the demo records the release it published. */
  readonly hubDir: string
  /** The folder to publish into (absolute). */
  readonly out: string
  readonly today: string
  /** The date of the data: the generated data's last day, or today when that is later. */
  readonly asOf: string
  /** True when this run's import accepted records: the data changed, whatever the record says. */
  readonly newData: boolean
  /** True when the demo serves while it publishes: the newcomer is told what answers meanwhile. */
  readonly serving: boolean
  /** Called as the publication starts (not when the release is up to date). */
  readonly onPublishing?: () => void
  /** The command that publishes anyway, for the line that says why the demo did not. */
  readonly publishAnyway: string
}

/**
 * Publishes the demo's datasets and builds the site, unless the folder's latest release is the one
 * the demo recorded and nothing it was made from changed since (demo-release.ts): a re-run that
 * changed nothing would spend minutes protecting the same tables for the same release. Returns
 * what the site is, for the line that says the demo is ready.
 */
async function publishDemo(io: CliIo, db: Kysely<Database>, options: PublishDemoOptions): Promise<string> {
  const { hubDir, out, today, asOf } = options
  // Measured before publishing: records accepted while it runs leave its release stale.
  const watermark = await demoWatermark(db, { asOf })
  const check = options.newData
    ? { upToDate: false as const, why: 'records accepted by this run' }
    : await releaseUpToDate(hubDir, out, watermark)
  if (check.upToDate) {
    io.out(
      `Nothing changed since the release of ${check.date} in ${out} (no record accepted, no referential loaded, the same code, datasets and data date): not published again (to publish anyway: ${options.publishAnyway})`,
    )
    return `: the site of the release of ${check.date} in ${out}`
  }
  const latest = (await listReleases(out)).at(-1)
  io.out(
    `Publishing the datasets into ${out} (${check.why}): a few minutes, most of them protecting the tables${options.serving ? '; the API and the partner area answer meanwhile' : ''}`,
  )
  options.onPublishing?.()
  const started = Date.now()
  const result = await publishRelease(db, {
    out,
    date: today,
    asOf,
    log: (m) => io.err(`publish ${m}`),
    threads: options.threads,
    ...(io.interrupted ? { signal: io.interrupted } : {}),
  })
  if (!result.ok && result.issues.some((i) => i.code === 'publish/interrupted'))
    throw new CliError('interrupted while publishing, nothing written; run the demo again to publish', 130)
  if (!result.ok) {
    // The demo goes on serving: what an earlier run published stays online untouched.
    const lines = result.issues.slice(0, 20).map((i) => `${i.path}: ${i.code} ${i.message}`)
    io.err(`publish failed, nothing written (the last release, if any, stays online):\n${lines.join('\n')}`)
    return latest === undefined
      ? ', but nothing published (the publication failed: see above)'
      : `, but not published again (the publication failed: see above; the release of ${latest} stays in ${out})`
  }
  await buildSiteIn(out, (message) => io.err(`publish ${message}`))
  // Once the site is built too: a run stopped before leaves no record, and the next one publishes.
  try {
    await recordDemoRelease(hubDir, out, today, watermark)
  } catch (error) {
    io.err(
      `demo release: could not record the release in ${hubDir} (${(error as Error).message}): the next run publishes again`,
    )
  }
  const set = result.report.set
  io.out(
    `Published ${result.datasets.length} datasets (${formatCount(set.cells)} cells, ${(set.cellsSuppressedShare * 100).toFixed(1)} % suppressed) and their site into ${out} in ${duration((Date.now() - started) / 1000)}`,
  )
  return `: the site in ${out}`
}

/** The date of the demo's data: the generated data's last day, or today when that is later. */
function dataDate(dataDir: string, today: string): string {
  const manifest = JSON.parse(readFileSync(join(dataDir, 'manifest.json'), 'utf8')) as {
    options: { until: string }
  }
  return manifest.options.until < today ? manifest.options.until : today
}

function writeDemoSecret(dataDir: string, secret: string): void {
  const path = demoSecretPath(dataDir)
  mkdirSync(dataDir, { recursive: true })
  writeFileSync(path, `${secret}\n`, { mode: 0o600 })
  chmodSync(path, 0o600)
}

async function generateOnce(io: CliIo, dir: string, dossiers: number, seed: string) {
  if (existsSync(join(dir, 'manifest.json'))) {
    io.err(`synthetic data: reusing ${dir}`)
    return
  }
  const code = await generateCommand.run(
    ['--dossiers', String(dossiers), '--seed', seed, '--invalid-rate', '0.01', '--out', dir],
    { ...io, out: io.err },
  )
  if (code !== 0) throw new CliError('generation failed', code)
}

/** The credentials the demo prints at its end: each partner's token and partner-area sign-in. */
interface Credentials {
  readonly tokens: readonly DemoCredential<DemoToken>[]
  readonly signIns: readonly DemoCredential<DemoSignIn>[]
  /** The accounts the operator disabled: left so, no password printed. */
  readonly disabled: readonly DisabledDemoAccount[]
  readonly file: string
}

/**
 * Registers the demo's partners and gives each a token and a partner-area account, keeping the
 * ones an earlier run stored while they still work (the hub keeps only hashes: a token or
 * password it issues is never readable again but from the demo's file), unless `renew` (the
 * tokens of before revoked, the passwords replaced), and stores them all.
 */
async function ensureCredentials(
  io: CliIo,
  db: Kysely<Database>,
  { hubDir, dataDir, operator, renew }: { hubDir: string; dataDir: string; operator: string; renew: boolean },
): Promise<Credentials> {
  const file = demoCredentialsPath(hubDir)
  const read = readDemoCredentials(hubDir)
  if (!read.ok)
    io.err(
      `demo credentials: ${file} is not the file the demo writes (${read.problem}): every partner gets a new token and password, and the file is written again`,
    )
  const stored = read.ok ? read.credentials : {}
  const partners = (await readCsvAll(join(dataDir, 'partners.csv'))).map(({ values }) => {
    const code = values.code ?? ''
    return { code, name: values.name ?? code, kind: values.kind as PartnerKind }
  })
  // Renewing is keeping none: every token rotated, every password replaced, each in the log.
  const keep = renew ? {} : stored
  const tokens = await ensureDemoTokens(db, partners, keep, operator)
  const { signIns, disabled } = await ensureDemoSignIns(
    db,
    partners.map((p) => p.code),
    keep,
    operator,
  )
  // The new tokens and passwords are in the hub already: a file that cannot be written must not
  // keep them from being printed (the next run would only replace them again).
  try {
    writeDemoCredentials(hubDir, mergeDemoCredentials(stored, tokens, signIns))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error)
    io.err(
      `demo credentials: could not write ${file} (${code}): the credentials below work, but the next run will replace them`,
    )
  }
  return { tokens, signIns, disabled, file }
}

/** The import's summary: what was received and what became of it, and how much an earlier run had done. */
interface ImportTotals {
  records: number
  accepted: number
  unchanged: number
  rejected: number
  /** Feeds imported. */
  feeds: number
  /** Feeds an earlier run had imported already (their counts are that run's). */
  earlier: number
  /** Records accepted by this run: none means the hub holds the data it held before. */
  newlyAccepted: number
}

/** The line that closes the import: what it is (data imported, not a demo ready yet) and how long it took. */
function importedLine(totals: ImportTotals, ms: number): string {
  const earlier =
    totals.earlier === 0
      ? ''
      : totals.earlier === totals.feeds
        ? ' (every feed by an earlier run: nothing new)'
        : ` (${totals.earlier} of ${totals.feeds} feeds by an earlier run)`
  return `\nPasserelle demo data imported in ${duration(ms / 1000)}: ${formatCount(totals.records)} records received: ${formatCount(totals.accepted)} accepted, ${formatCount(totals.unchanged)} unchanged (sent again as they were), ${formatCount(totals.rejected)} rejected${earlier}.`
}

/** Prints the tokens (with their end) and sign-ins, saying which an earlier run had printed already. */
function printCredentials(
  io: CliIo,
  credentials: Credentials,
  { port, renewed }: { port: number; renewed: boolean },
): void {
  const { tokens, signIns, disabled } = credentials
  io.out(`Partner tokens (use as Authorization: Bearer <token>; ${renewal(tokens, 'token', renewed)}):`)
  const until = (t: DemoToken) =>
    t.expiresAt === null ? 'valid until rotated' : `valid until ${utc(t.expiresAt)}`
  for (const line of alignColumns(tokens.map((t) => [t.code, t.value.token, until(t.value)])))
    io.out(`  ${line}`)
  io.out(
    `Partner area sign-in (http://localhost:${port}/espace-partenaire/), e-mail and password (${renewal(signIns, 'password', renewed)}):`,
  )
  for (const line of alignColumns(signIns.map((s) => [s.code, s.value.email, s.value.password])))
    io.out(`  ${line}`)
  for (const { email } of disabled)
    io.out(
      `account ${email} disabled by the operator: not re-enabled; \`${dataFolderPrefix(io.env)}passerelle users enable --email ${email}\` to use it`,
    )
  io.out(`Kept in ${credentials.file} (readable by you only): the next run prints them again.`)
}

/** Which credentials are the earlier run's and which are new, in a few words. */
function renewal(credentials: readonly DemoCredential<unknown>[], what: string, renewed: boolean): string {
  if (renewed) return `new (--new-credentials): the last run's no longer work`
  const fresh = credentials.filter((c) => !c.kept).map((c) => c.code)
  if (fresh.length === credentials.length) return 'new'
  if (fresh.length === 0) return "the same as the last run's"
  return `the last run's, but a new ${what} for ${fresh.join(', ')}, whose ${what} no longer worked`
}

/** A value as a POSIX shell reads it: as it is when it is plain, else single-quoted. */
function shellWord(value: string): string {
  return /^[\w./:@%+=,-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`
}

/** The data folder as the operator gave it, for a command line to run next. */
function dataFolderPrefix(env: Readonly<Record<string, string | undefined>>): string {
  return env.PASSERELLE_DATA ? `PASSERELLE_DATA=${shellWord(env.PASSERELLE_DATA)} ` : ''
}

/** This demo's command line again (its data folder and options), to serve what it made. */
function againCommand(
  env: Readonly<Record<string, string | undefined>>,
  values: {
    dossiers?: string | undefined
    seed?: string | undefined
    port?: string | undefined
    'no-publish'?: boolean | undefined
  },
): string {
  const options = [
    ...(values.dossiers === undefined ? [] : ['--dossiers', values.dossiers]),
    ...(values.seed === undefined ? [] : ['--seed', values.seed]),
    ...(values.port === undefined ? [] : ['--port', values.port]),
    ...(values['no-publish'] ? ['--no-publish'] : []),
  ]
  return `${dataFolderPrefix(env)}${['passerelle', 'demo', ...options].map(shellWord).join(' ')}`
}

/** The command that publishes the demo's data as the demo would (same data folder, same date of the data). */
function publishCommand(env: Readonly<Record<string, string | undefined>>, asOf: string): string {
  return `${dataFolderPrefix(env)}passerelle publish --as-of ${asOf}`
}
