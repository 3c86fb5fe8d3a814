/**
 * `npm run bench:ingest`: bulk import of generated dossiers into PostgreSQL against a plain COPY of
 * the same rows into an unindexed table (same run), the partner API under 8 concurrent partners
 * (saturated: 8 batches always in flight; then paced at the target rate of 5,000 records/s),
 * and the embedded store at 100k records. Prints figures and ratios, writes bench/results/.
 *
 * Options: --dossiers N (1,000,000), --embedded-records N (100,000), --api-batches N per partner (15),
 * --skip-bulk (the API and embedded runs only), --skip-api, --skip-embedded. PASSERELLE_BENCH_PG names the server (local by default).
 */
import { type ChildProcess, spawn } from 'node:child_process'
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import { memoryIo } from '../src/cli/io.ts'
import { main } from '../src/cli/main.ts'
import { openEmbeddedStore, openServerStore, type Store } from '../src/db/connect.ts'
import { prepareStore } from '../src/db/open-hub.ts'
import { importFile } from '../src/ingest/import-file.ts'
import { parseLine } from '../src/ingest/parse-line.ts'
import { personKey } from '../src/ingest/person-key.ts'
import { createPreparer } from '../src/ingest/preparer.ts'
import { personOf } from '../src/ingest/record.ts'
import { strippedPayload } from '../src/ingest/rows.ts'
import { csvLine, readCsvAll } from '../src/lib/csv.ts'
import { readLines } from '../src/lib/lines.ts'
import { addPartner, type PartnerKind } from '../src/partners/partner.repository.ts'
import { loadCodeLists } from '../src/reference/code-lists.ts'
import { fmt, memorySampler, percentile, scratchDatabase, writeResult } from './lib.ts'

const { values } = parseArgs({
  options: {
    dossiers: { type: 'string', default: '1000000' },
    'embedded-records': { type: 'string', default: '100000' },
    'api-batches': { type: 'string', default: '15' },
    'skip-api': { type: 'boolean' },
    'skip-bulk': { type: 'boolean' },
    'skip-embedded': { type: 'boolean' },
  },
})
const dossiers = Number(values.dossiers)
const secret = 'bench-secret'
const work = new URL('./tmp/', import.meta.url).pathname
const genDir = join(work, `gen-${dossiers}`)
const codes = await loadCodeLists()
const validation = { codes, today: new Date().toISOString().slice(0, 10) }

async function generateOnce() {
  if (existsSync(join(genDir, 'manifest.json'))) return
  const { io, stderr } = memoryIo({}, process.cwd())
  const code = await main(
    ['generate', '--dossiers', String(dossiers), '--invalid-rate', '0.01', '--out', genDir],
    io,
  )
  if (code !== 0) throw new Error(`generate failed: ${stderr.join('\n')}`)
}

async function createPartners(store: Store): Promise<Map<string, string>> {
  const tokens = new Map<string, string>()
  for (const { values: p } of await readCsvAll(join(genDir, 'partners.csv'))) {
    const code = p.code ?? ''
    tokens.set(
      code,
      (await addPartner(store.db, { code, name: p.name ?? code, kind: p.kind as PartnerKind })).token,
    )
  }
  return tokens
}

// A partner without a generated record has an empty feed, which `import` refuses.
const feeds = () =>
  readdirSync(join(genDir, 'feeds'))
    .filter((f) => f.endsWith('.ndjson') && statSync(join(genDir, 'feeds', f)).size > 0)
    .sort()

async function importAll(store: Store, files: string[]) {
  const preparer = await createPreparer(secret, Number(process.env.PASSERELLE_PREPARE_THREADS ?? 1))
  const memory = memorySampler()
  const started = performance.now()
  let records = 0
  for (const file of files) {
    const partnerCode = basename(file)
      .replace(/\.ndjson$/, '')
      .replace(/^head-/, '')
    const summary = await importFile(store.db, {
      partnerCode,
      path: file.includes('/') ? file : join(genDir, 'feeds', file),
      rejectsPath: null,
      preparer,
      today: validation.today,
    })
    records += summary.counts.records
  }
  const seconds = (performance.now() - started) / 1000
  await preparer.close()
  return { records, seconds, perSecond: records / seconds, peakRssMiB: memory.stop() }
}

// The same rows as the hub stores them (person key, ids, version, hash, timestamps, payload), made
// ahead of time, then timed through a plain COPY into a table without any index.
async function copyBaseline(url: string) {
  const csv = join(work, `copy-${dossiers}.csv`)
  let rows = 0
  if (!existsSync(csv)) {
    const out = createWriteStream(csv)
    for (const file of feeds()) {
      for await (const line of readLines(join(genDir, 'feeds', file))) {
        const r = parseLine(line.text, validation)
        if (!r.ok) continue
        const rec = r.valid.record
        const ok = out.write(
          `${csvLine([personKey(secret, personOf(rec).nir13), 1, rec.id, rec.version, r.valid.contentHash, rec.updatedAt, JSON.stringify(strippedPayload(r.valid))])}\n`,
        )
        if (!ok) await new Promise<void>((done) => out.once('drain', () => done()))
      }
    }
    await new Promise<void>((done) => out.end(() => done()))
  }
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  await client.query(`create table copy_baseline (person_key text, partner_id integer, record_id text, version integer,
    content_hash text, updated_at timestamptz, received_at timestamptz default now(), payload json)`)
  await client.query('checkpoint')
  const started = performance.now()
  await pipeline(
    createReadStream(csv),
    client.query(
      copyFrom(
        'copy copy_baseline (person_key, partner_id, record_id, version, content_hash, updated_at, payload) from stdin with (format csv)',
      ),
    ),
  )
  const seconds = (performance.now() - started) / 1000
  rows = Number((await client.query('select count(*) from copy_baseline')).rows[0].count)
  await client.end()
  return { rows, seconds, perSecond: rows / seconds }
}

function isJson(line: string): boolean {
  try {
    JSON.parse(line)
    return true
  } catch {
    return false
  }
}

async function apiBench(tokens: Map<string, string>, url: string, batchesPerPartner: number) {
  const port = 18000 + Math.floor(Math.random() * 1000)
  const child: ChildProcess = spawn(
    process.execPath,
    [
      new URL('../bin/passerelle.mjs', import.meta.url).pathname,
      'serve',
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
    ],
    {
      env: { ...process.env, DATABASE_URL: url, PASSERELLE_SECRET: secret },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  )
  await new Promise<void>((ready, fail) => {
    child.stderr!.on('data', (d) => String(d).includes('serving on') && ready())
    child.once('exit', (code) => fail(new Error(`serve exited ${code}`)))
  })
  const partners = feeds()
    .map((f) => ({ code: f.replace(/\.ndjson$/, ''), size: statSync(join(genDir, 'feeds', f)).size }))
    .sort((a, b) => b.size - a.size)
    .slice(0, 8)
  const bodies = new Map<string, string[]>()
  for (const { code } of partners) {
    // Only the first batches of each feed are read: a large partner's file does not fit in a string.
    const lines: string[] = []
    for await (const line of readLines(join(genDir, 'feeds', `${code}.ndjson`))) {
      if (isJson(line.text)) lines.push(line.text)
      // Twice the batches: the first half for the saturated run, the rest (new records) paced.
      if (lines.length >= 2 * batchesPerPartner * 1000) break
    }
    const batches: string[] = []
    for (let i = 0; i + 1000 <= lines.length; i += 1000)
      batches.push(`[${lines.slice(i, i + 1000).join(',')}]`)
    bodies.set(code, batches)
  }
  const post = async (code: string, body: string): Promise<number> => {
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/records`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.get(code)}` },
    })
    const json = (await res.json()) as { results: unknown[] }
    if (res.status !== 200) throw new Error(`status ${res.status}`)
    return json.results.length
  }
  const measure = async (pacedRate: number | null) => {
    const latencies: number[] = []
    let records = 0
    const started = performance.now()
    // Paced: each partner sends a batch every `period` ms, the partners evenly staggered, so that
    // the hub receives `pacedRate` records/s; a batch's latency counts from when it was due (a
    // late answer delays the next batch but is not forgiven: no coordinated omission).
    const period = pacedRate === null ? 0 : (partners.length * 1000 * 1000) / pacedRate
    // Paced, every partner sends as many batches (the fewest any has left), so that all of them
    // send for the whole run and the hub receives the offered rate throughout.
    const left = Math.min(...partners.map(({ code }) => (bodies.get(code)?.length ?? 0) - batchesPerPartner))
    await Promise.all(
      partners.map(async ({ code }, p) => {
        const all = bodies.get(code) ?? []
        const mine =
          pacedRate === null
            ? all.slice(0, batchesPerPartner)
            : all.slice(batchesPerPartner, batchesPerPartner + Math.max(left, 0))
        for (const [k, body] of mine.entries()) {
          const due = started + (p / partners.length + k) * period
          const wait = due - performance.now()
          if (wait > 0) await new Promise((done) => setTimeout(done, wait))
          const from = pacedRate === null ? performance.now() : due
          // Not `records += await …`: that reads `records` before the await and loses the other
          // partners' counts added meanwhile.
          const accepted = await post(code, body)
          records += accepted
          latencies.push(performance.now() - from)
        }
      }),
    )
    const seconds = (performance.now() - started) / 1000
    return {
      batches: latencies.length,
      records,
      seconds,
      perSecond: records / seconds,
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
    }
  }
  // Warm-up, as bench:api's: each partner's first batch, all at once and not counted (the first
  // batches a fresh server answers carry its JIT compilation, plan caches and connection set-up:
  // they were the slowest of every run). The measured runs send the batches after it.
  await Promise.all(partners.map(({ code }) => post(code, bodies.get(code)![0]!)))
  for (const { code } of partners) bodies.set(code, bodies.get(code)!.slice(1))
  const saturated = await measure(null)
  const paced = await measure(API_TARGET_RATE)
  child.kill('SIGTERM')
  return { partners: partners.length, ...saturated, paced: { offered: API_TARGET_RATE, ...paced } }
}

/** The API's target rate (issue 2): the paced run offers exactly this many records/s. */
const API_TARGET_RATE = 5000

async function embeddedBench(records: number) {
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-bench-'))
  const store = await openEmbeddedStore(join(dir, 'pgdata'))
  await prepareStore(store)
  await createPartners(store)
  // The first records of the feeds, largest partner first, as separate files.
  const files: string[] = []
  let left = records
  const size = (f: string) => statSync(join(genDir, 'feeds', f)).size
  for (const file of feeds().sort((a, b) => size(b) - size(a))) {
    if (left <= 0) break
    const out = join(dir, `head-${file}`)
    const stream = createWriteStream(out)
    for await (const line of readLines(join(genDir, 'feeds', file))) {
      if (left-- <= 0) break
      stream.write(`${line.text}\n`)
    }
    await new Promise<void>((done) => stream.end(() => done()))
    files.push(out)
  }
  const result = await importAll(store, files)
  await store.close()
  rmSync(dir, { recursive: true, force: true })
  return result
}

mkdirSync(work, { recursive: true })
console.log(`generating ${fmt(dossiers)} dossiers (reused when present) …`)
await generateOnce()
const result: Record<string, unknown> = {
  date: new Date().toISOString(),
  dossiers,
  machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
}
if (!values['skip-bulk']) {
  // Dropped before the API run, so that its vacuum and checkpoint do not run beside it.
  const server = await scratchDatabase('passerelle_bench')
  try {
    const store = openServerStore(server.url, 4)
    await prepareStore(store)
    await createPartners(store)
    console.log('importing every feed into PostgreSQL …')
    const bulk = await importAll(store, feeds())
    await store.close()
    console.log('COPY baseline …')
    const copy = await copyBaseline(server.url)
    console.log(
      `  import: ${fmt(bulk.records)} records in ${fmt(bulk.seconds, 1)} s (${fmt(bulk.perSecond)}/s), peak ${bulk.peakRssMiB} MiB; COPY ${fmt(copy.perSecond)} rows/s`,
    )
    result.bulk = {
      ...bulk,
      copy,
      ratioToCopy: bulk.perSecond / copy.perSecond,
      // The reference stock is 8 M records (dossiers and CEP periods, one current version each);
      // a generated dossier comes with its lifecycle versions (~4 records each).
      extrapolated8MRecordsMinutes: 8_000_000 / bulk.perSecond / 60,
      extrapolated8MDossiersMinutes: ((bulk.seconds / dossiers) * 8_000_000) / 60,
    }
  } finally {
    await server.drop()
  }
}
if (!values['skip-api']) {
  const apiDb = await scratchDatabase('passerelle_bench_api')
  try {
    const apiStore = openServerStore(apiDb.url, 2)
    await prepareStore(apiStore)
    const apiTokens = await createPartners(apiStore)
    await apiStore.close()
    console.log('API: 8 partners posting batches of 1,000 …')
    result.api = await apiBench(apiTokens, apiDb.url, Number(values['api-batches']))
  } finally {
    await apiDb.drop()
  }
}
if (!values['skip-embedded']) {
  console.log(`embedded store: ${fmt(Number(values['embedded-records']))} records …`)
  result.embedded = await embeddedBench(Number(values['embedded-records']))
}

const bulk = result.bulk as
  | {
      records: number
      seconds: number
      perSecond: number
      peakRssMiB: number
      copy: { rows: number; perSecond: number }
      ratioToCopy: number
      extrapolated8MRecordsMinutes: number
      extrapolated8MDossiersMinutes: number
    }
  | undefined
const lines = ['', `| measure | figure | target |`, `|---|---|---|`]
if (bulk)
  lines.push(
    `| bulk import into PostgreSQL (${fmt(dossiers)} dossiers, ${fmt(bulk.records)} records) | ${fmt(bulk.perSecond)} records/s in ${fmt(bulk.seconds, 1)} s | |`,
    `| plain COPY of the same ${fmt(bulk.copy.rows)} rows into an unindexed table | ${fmt(bulk.copy.perSecond)} rows/s | |`,
    `| ratio import / COPY | ${fmt(bulk.ratioToCopy, 2)} | ≥ 0.5 |`,
    `| 8 M records (the reference stock), extrapolated linearly | ${fmt(bulk.extrapolated8MRecordsMinutes, 1)} min | < 15 min |`,
    `| 8 M generated dossiers with all their versions (${fmt((bulk.records / dossiers) * 8, 1)} M records), extrapolated | ${fmt(bulk.extrapolated8MDossiersMinutes, 1)} min | |`,
    `| peak memory of the import | ${fmt(bulk.peakRssMiB)} MiB | ≤ 1024 MiB |`,
  )
if (result.api) {
  const a = result.api as {
    perSecond: number
    p50Ms: number
    p99Ms: number
    batches: number
    records: number
    paced: { offered: number; perSecond: number; p50Ms: number; p99Ms: number }
  }
  lines.push(
    `| API, 8 partners × batches of 1,000 (${fmt(a.batches)} batches) | ${fmt(a.perSecond)} records/s | ≥ 5,000/s |`,
  )
  lines.push(
    `| API batch latency p50 / p99, saturated (8 batches always in flight) | ${fmt(a.p50Ms)} / ${fmt(a.p99Ms)} ms | p99 < 1,000 ms |`,
  )
  lines.push(
    `| API batch latency p50 / p99 at the target rate (${fmt(a.paced.offered)} records/s offered, paced; ${fmt(a.paced.perSecond)} received) | ${fmt(a.paced.p50Ms)} / ${fmt(a.paced.p99Ms)} ms | p99 < 1,000 ms |`,
  )
}
if (result.embedded) {
  const e = result.embedded as { records: number; perSecond: number; peakRssMiB: number }
  lines.push(
    `| embedded store (PGlite), ${fmt(e.records)} records | ${fmt(e.perSecond)} records/s ${bulk ? `(${fmt(e.perSecond / bulk.perSecond, 2)} × server)` : ''} | |`,
  )
}
console.log(lines.join('\n'))
console.log(`\nwritten to ${writeResult('ingest', result)}`)
