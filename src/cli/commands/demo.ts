import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import type { Kysely } from 'kysely'
import { recordOperatorAction } from '../../access/operator-log.repository.ts'
import { refreshPartnerSummaries } from '../../access/summaries.ts'
import { readConfig } from '../../config.ts'
import type { Database } from '../../db/database.ts'
import { inTransaction } from '../../db/in-transaction.ts'
import { importFile } from '../../ingest/import-file.ts'
import { createPreparer } from '../../ingest/preparer.ts'
import { readCsvAll } from '../../lib/csv.ts'
import { addPartner, type PartnerKind, partnerByCode } from '../../partners/partner.repository.ts'
import { DEFAULT_TOKEN_DAYS, rotateToken } from '../../partners/token.repository.ts'
import { publishRelease } from '../../publish/run/publish-release.ts'
import type { ReferentialKind } from '../../referentials/kinds.ts'
import { loadReferential } from '../../referentials/load-referential.ts'
import { buildSiteIn } from '../../site/build-site.ts'
import { alignColumns } from '../columns.ts'
import { formatCount, prepareThreads, withHub } from '../hub.ts'
import { CliError, type CliIo, type Command } from '../io.ts'
import { demoSecretPath, readDemoSecret } from '../missing-secret.ts'
import { operatorName } from '../operator.ts'
import { duration, progressLine } from '../progress.ts'
import { generateCommand } from './generate.ts'
import { parsePort, serveUntilStopped } from './serve.ts'
import { printDemoSignIns } from './users.ts'

/** Large enough to be interesting (suppression, co-funding, outcomes), small enough to start in about a minute. */
export const DEMO_DOSSIERS = 30_000

/** The reference stock (DOMAIN.md): beyond it the demo, on the embedded store, would run for hours. */
export const MAX_DEMO_DOSSIERS = 8_000_000
const REFERENTIAL_ORDER: ReferentialKind[] = ['organisms', 'certifications', 'catalogue', 'dsn', 'sngi']

/**
 * `passerelle demo`: the whole chain on the embedded store — generate, create partners, load the
 * referentials, import every feed, summarise, serve. Re-running it reuses what is already done.
 */
export const demoCommand: Command = {
  name: 'demo',
  summary: 'generate synthetic data, ingest it and serve it (what npm start runs)',
  usage: `passerelle demo [--dossiers ${DEMO_DOSSIERS}] [--seed 1] [--port 8080] [--no-serve] [--no-publish]`,
  options: [
    ['--dossiers N', 'how many dossiers to generate (default 30000; at most 8,000,000)'],
    ['--seed S', 'seed of the generator: the same seed gives the same data (default 1)'],
    ['--port P', 'port to serve on (default $PORT, else 8080)'],
    ['--no-serve', 'stop after publishing instead of serving'],
    ['--no-publish', 'do not publish the datasets (nor build the site)'],
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
      },
      strict: true,
    })
    const dossiers = Number(values.dossiers ?? DEMO_DOSSIERS)
    if (!Number.isInteger(dossiers) || dossiers < 1)
      throw new CliError(`--dossiers "${values.dossiers}" must be a positive integer`, 2)
    if (dossiers > MAX_DEMO_DOSSIERS)
      throw new CliError(
        `--dossiers ${values.dossiers} is more than the demo takes (${MAX_DEMO_DOSSIERS.toLocaleString('en-US')}, the reference stock, already hours on the embedded store): for more, write files with passerelle generate and import them into a PostgreSQL server (DATABASE_URL)`,
        2,
      )
    const seed = values.seed ?? '1'
    const port = parsePort(values.port ?? io.env.PORT ?? '8080')
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
    const started = Date.now()
    // withHub refuses a hub the demo did not make before anything is written into its folder.
    return withHub(io, { needsSecret: true, config, origin: 'demo' }, async ({ store, secret }) => {
      if (base.secret === null && kept === null) writeDemoSecret(base.dataDir, secret)
      await generateOnce(io, dataDir, dossiers, seed)
      io.err(`store: embedded PostgreSQL (PGlite) in ${store.location}`)
      const tokens = await ensurePartners(store.db, dataDir, operator)
      for (const kind of REFERENTIAL_ORDER) {
        const result = await loadReferential(store.db, {
          kind,
          path: join(dataDir, 'referentials', `${kind}.csv`),
          secret,
          skipInvalid: true,
        })
        if (!result.ok)
          throw new CliError(`referential ${kind}: ${result.errors[0]?.message ?? 'not loaded'}`)
        // On a first run no dossier is in yet: each is certified as it is imported.
        const certified =
          result.certified === undefined
            ? ''
            : result.certified === 0
              ? ', dossiers certified as they are imported'
              : `, ${formatCount(result.certified)} identities certified`
        io.err(`referential ${kind}: ${formatCount(result.rows)} rows${certified}`)
      }
      const preparer = await createPreparer(secret, prepareThreads(io.env))
      const today = new Date().toISOString().slice(0, 10)
      const totals = { records: 0, accepted: 0, unchanged: 0, rejected: 0 }
      const feeds = readdirSync(join(dataDir, 'feeds')).sort()
      const width = Math.max(...feeds.map((f) => f.replace(/\.ndjson$/, '').length))
      for (const file of feeds) {
        const partnerCode = file.replace(/\.ndjson$/, '')
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
      printSummary(io, totals, tokens, Date.now() - started)
      await printDemoSignIns(
        io,
        store.db,
        tokens.map(([code]) => code),
        port,
        operator,
      )
      // Protection runs on this thread (CPU-bound LPs): publishing before serving keeps the API
      // responsive once it is up.
      if (!values['no-publish'])
        await publishDemo(io, store.db, join(config.dataDir, 'public'), dataDir, today)
      if (values['no-serve']) return 0
      await serveUntilStopped(io, {
        db: store.db,
        storeKind: store.kind,
        secret,
        site: join(config.dataDir, 'public'),
        port,
        host: '0.0.0.0',
        trustProxy: config.trustProxy,
      })
      return 0
    })
  },
}

/** Publishes the demo's datasets, with the generated data's last day as the date of the data. */
async function publishDemo(
  io: CliIo,
  db: Parameters<typeof publishRelease>[0],
  out: string,
  dataDir: string,
  today: string,
) {
  const manifest = JSON.parse(readFileSync(join(dataDir, 'manifest.json'), 'utf8')) as {
    options: { until: string }
  }
  const asOf = manifest.options.until < today ? manifest.options.until : today
  const result = await publishRelease(db, { out, date: today, asOf, log: (m) => io.err(`publish ${m}`) })
  if (!result.ok) {
    // The demo goes on serving: what an earlier run published stays online untouched.
    const lines = result.issues.slice(0, 20).map((i) => `${i.path}: ${i.code} ${i.message}`)
    io.err(`publish failed, nothing written (the last release, if any, stays online):\n${lines.join('\n')}`)
    return
  }
  const set = result.report.set
  io.out(
    `Published ${result.datasets.length} datasets (${formatCount(set.cells)} cells, ${(set.cellsSuppressedShare * 100).toFixed(1)} % suppressed) into ${out}`,
  )
  await buildSiteIn(out, (message) => io.err(`publish ${message}`))
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

async function ensurePartners(
  db: Kysely<Database>,
  dir: string,
  operator: string,
): Promise<[string, string][]> {
  const tokens: [string, string][] = []
  for (const { values } of await readCsvAll(join(dir, 'partners.csv'))) {
    const code = values.code ?? ''
    const existing = await partnerByCode(db, code)
    // A demo prints every token; existing partners get a fresh one since only hashes are kept.
    const token = await inTransaction(db, async (tx) => {
      if (existing) {
        const r = await rotateToken(tx, existing.id)
        const detail = { demo: true, expiresAt: r.expiresAt.toISOString(), previousTokens: r.previous }
        await recordOperatorAction(tx, {
          operator,
          action: 'token/rotate',
          partnerId: existing.id,
          subject: `#${r.tokenId}`,
          detail,
        })
        return r.token
      }
      const kind = values.kind as PartnerKind
      const added = await addPartner(tx, { code, name: values.name ?? code, kind })
      const detail = {
        demo: true,
        kind,
        token: `#${added.tokenId}`,
        expiresAt: added.expiresAt.toISOString(),
      }
      await recordOperatorAction(tx, {
        operator,
        action: 'partner/add',
        partnerId: added.partner.id,
        subject: code,
        detail,
      })
      return added.token
    })
    tokens.push([code, token])
  }
  return tokens
}

function printSummary(
  io: CliIo,
  totals: { records: number; accepted: number; unchanged: number; rejected: number },
  tokens: [string, string][],
  ms: number,
) {
  io.out(
    `\nPasserelle demo ready in ${duration(ms / 1000)}: ${formatCount(totals.records)} records received: ${formatCount(totals.accepted)} accepted, ${formatCount(totals.unchanged)} unchanged (sent again as they were), ${formatCount(totals.rejected)} rejected.`,
  )
  io.out(`Partner tokens (use as Authorization: Bearer <token>; valid ${DEFAULT_TOKEN_DAYS} days):`)
  for (const line of alignColumns(tokens)) io.out(`  ${line}`)
}
