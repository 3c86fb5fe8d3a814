/**
 * `npm run bench:api`: single-dossier reads (`GET /api/v1/dossiers/{id}`: bearer auth, a
 * transaction under row-level security, the shared dossier with history and outcomes, the audit
 * row) at 50 connections on PostgreSQL, against a bare hono route answering the same JSON from
 * memory, measured in the same run. The servers run in a child process so that the load
 * generator (node:http keep-alive agent, one loop per connection) does not share their event loop.
 *
 * Options: `--dossiers N` (default 200,000), `--seconds S` per measure (default 10),
 * `--connections C` (default 50). DATABASE_URL names a prepared database (it must be migrated and
 * hold data: the bench only reads); otherwise a fresh one is created on PASSERELLE_BENCH_PG (or
 * 127.0.0.1:5432), filled, and dropped.
 * @module
 */
import { type ChildProcess, fork } from 'node:child_process'
import http from 'node:http'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { Hono } from 'hono'
import { sql } from 'kysely'
import { openServerStore } from '../src/db/connect.ts'
import { prepareStore } from '../src/db/open-hub.ts'
import { workerPreparer } from '../src/ingest/preparer.ts'
import { addPartner } from '../src/partners/partner.repository.ts'
import { startServer } from '../src/server/start.ts'
import { fmt, percentile, scratchDatabase, writeResult } from './lib.ts'

const TODAY = '2026-11-28'

/** Fills a migrated database: 4 partners, `n` dossiers (40 % in shared pairs), identities, versions, DSN. */
export async function fill(url: string, n: number): Promise<string[]> {
  const store = openServerStore(url, 2)
  await prepareStore(store)
  const tokens: string[] = []
  for (const code of ['B1', 'B2', 'B3', 'B4'])
    tokens.push((await addPartner(store.db, { code, name: `Bench ${code}`, kind: 'REGION' })).token)
  const gen = `from generate_series(1, ${n}) g, lateral (select
      case when g % 5 in (0, 1) then 'P' || (g / 5) else 'P' || g end as pk,
      case when g % 5 in (0, 1) then 'G' || (g / 5) end as gid,
      1 + g % 4 as partner, 'D' || g as rid,
      date '2023-01-02' + (g % 700) as start) x`
  await sql
    .raw(`insert into dossier_current (person_key, partner_id, record_id, version, content_hash, updated_at,
      received_at, birth_date, sex, residence_commune, dispositif, status, certification_type, certification_code,
      organism_siret, modality, planned_start, planned_end, planned_hours, entry_date, exit_date, exit_reason,
      certification_result, committed, shared_dossier_id)
    select pk, partner, rid, 1, 'h', now(), now(), date '1985-05-14' + (g % 9000), case when g % 2 = 0 then 'F' else 'M' end,
      '69123', 'CPF', 'SORTI', 'RNCP', 'RNCP37674', '98765432100015', 'MIXTE', start, start + 170, 700, start,
      start + 170, 'FIN_PARCOURS', 'OBTENUE', 1000 + g % 5000, gid ${gen}`)
    .execute(store.db)
  await sql
    .raw(`insert into dossier_version (person_key, partner_id, record_id, version, content_hash, updated_at,
      received_at, transmission_id, payload)
    select pk, partner, rid, v, 'h', now(), now(), 0, json_build_object('type', 'dossier', 'id', rid, 'version', v,
      'dispositif', 'CPF', 'status', case when v = 1 then 'ENTRE' else 'SORTI' end,
      'training', json_build_object('plannedStart', start, 'plannedEnd', start + 170, 'plannedHours', 700,
        'organism', json_build_object('siret', '98765432100015'), 'title', 'Titre professionnel Développeur web'),
      'funding', json_build_array(json_build_object('funder', 'R84', 'committed', 1000)))
    ${gen}, generate_series(1, 2) v`)
    .execute(store.db)
  await sql
    .raw(`insert into person_identity (person_key, partner_id, record_type, record_id, nir, birth_name,
      birth_name_norm, usual_name, first_names, birth_date, sex)
    select pk, partner, 'dossier', rid, lpad(g::text, 13, '1'), 'NOM' || g, 'NOM' || g, null, 'Prénom',
      date '1985-05-14' + (g % 9000), 'F' ${gen}`)
    .execute(store.db)
  await sql
    .raw(`insert into dsn_contract (person_key, line, employer_siret, naf, contract_type, start_date, end_date, hours_ratio)
    select pk, 1, '98765432100015', null, 'CDI', start + 200, null, 1 ${gen} where g % 2 = 0 on conflict do nothing`)
    .execute(store.db)
  await sql.raw('analyze').execute(store.db)
  await store.close()
  return tokens
}

/** Child process: the hub's app and the bare route, each on its own port. */
async function serve(url: string, token: string): Promise<void> {
  const store = openServerStore(url, 10)
  const deps = {
    db: store.db,
    storeKind: 'pg' as const,
    preparer: workerPreparer('bench'),
    today: () => TODAY,
    secret: 'bench',
  }
  const hub = await startServer(deps, 0, '127.0.0.1')
  const sample = await fetch(`http://127.0.0.1:${hub.port}/api/v1/dossiers/D4`, {
    headers: { authorization: `Bearer ${token}` },
  })
  const body = await sample.json()
  const bare = new Hono()
  bare.get('/api/v1/dossiers/:id', (c) => c.json(body))
  const { serve: serveBare } = await import('@hono/node-server')
  await new Promise<void>((done) => {
    const server = serveBare({ fetch: bare.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
      process.send?.({ hub: hub.port, bare: info.port, bytes: JSON.stringify(body).length })
      done()
    })
    process.on('disconnect', () => {
      server.close()
      void hub.stop().then(() => store.close().then(() => process.exit(0)))
    })
  })
}

interface Measure {
  readonly requests: number
  readonly errors: number
  readonly rps: number
  readonly p50: number
  readonly p99: number
}

/** `connections` keep-alive loops of GET requests for `seconds`; latencies in ms. */
async function load(
  port: number,
  token: string,
  ids: () => string,
  seconds: number,
  connections: number,
): Promise<Measure> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections })
  const latencies: number[] = []
  let errors = 0
  const end = Date.now() + seconds * 1000
  const one = (id: string) =>
    new Promise<number>((done) => {
      const req = http.get(
        {
          host: '127.0.0.1',
          port,
          path: `/api/v1/dossiers/${id}`,
          agent,
          headers: { authorization: `Bearer ${token}` },
        },
        (res) => {
          res.resume()
          res.on('end', () => done(res.statusCode ?? 0))
        },
      )
      req.on('error', () => done(0))
    })
  const started = Date.now()
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < end) {
        const t = process.hrtime.bigint()
        const status = await one(ids())
        latencies.push(Number(process.hrtime.bigint() - t) / 1e6)
        if (status !== 200) errors++
      }
    }),
  )
  const elapsed = (Date.now() - started) / 1000
  agent.destroy()
  return {
    requests: latencies.length,
    errors,
    rps: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { dossiers: { type: 'string' }, seconds: { type: 'string' }, connections: { type: 'string' } },
  })
  const n = Number(values.dossiers ?? 200_000)
  const seconds = Number(values.seconds ?? 10)
  const connections = Number(values.connections ?? 50)
  const given = process.env.DATABASE_URL
  const scratch = given ? null : await scratchDatabase('passerelle_bench_api')
  const url = given ?? scratch!.url
  let child: ChildProcess | null = null
  try {
    console.log(given ? 'using DATABASE_URL' : `filling a fresh database with ${fmt(n)} dossiers…`)
    const t0 = Date.now()
    const token = given ? (process.env.PASSERELLE_BENCH_TOKEN ?? '') : (await fill(url, n))[0]!
    if (!token)
      throw new Error(
        'with DATABASE_URL, set PASSERELLE_BENCH_TOKEN to a token of the partner whose ids are D4, D8, …',
      )
    if (!given) console.log(`filled in ${fmt((Date.now() - t0) / 1000, 1)} s`)
    child = fork(new URL(import.meta.url).pathname, ['serve', url, token], { execArgv: ['--import', 'tsx'] })
    const ports = await new Promise<{ hub: number; bare: number; bytes: number }>((done, fail) => {
      child!.once('message', (m) => done(m as { hub: number; bare: number; bytes: number }))
      child!.once('exit', (code) => fail(new Error(`server process exited with ${code}`)))
    })
    // Partner B1 (id 1) holds D4, D8, …: every read is of one of its own dossiers, chosen at random.
    const ownIds = () => `D${4 * (1 + Math.floor(Math.random() * Math.floor(n / 4)))}`
    console.log(
      `response ${fmt(ports.bytes)} bytes; ${connections} connections, ${seconds} s per measure (after 2 s of warm-up)`,
    )
    await load(ports.bare, token, ownIds, 2, connections)
    const bare = await load(ports.bare, token, ownIds, seconds, connections)
    await load(ports.hub, token, ownIds, 2, connections)
    const hub = await load(ports.hub, token, ownIds, seconds, connections)
    const ratio = hub.rps / bare.rps
    const line = (name: string, m: Measure) =>
      `${name.padEnd(34)} ${fmt(m.rps).padStart(8)} req/s   p50 ${fmt(m.p50, 1).padStart(6)} ms   p99 ${fmt(m.p99, 1).padStart(6)} ms   errors ${m.errors}`
    console.log(line('bare hono route (JSON in memory)', bare))
    console.log(line('GET /dossiers/{id} with RLS', hub))
    console.log(
      `ratio ${fmt(ratio, 2)} (target ≥ 0.3: ${ratio >= 0.3 ? 'met' : 'missed'}); p99 ${fmt(hub.p99, 1)} ms (target ≤ 50 ms: ${hub.p99 <= 50 ? 'met' : 'missed'})`,
    )
    const path = writeResult('api', {
      date: new Date().toISOString(),
      dossiers: given ? null : n,
      connections,
      seconds,
      responseBytes: ports.bytes,
      bare,
      hub,
      ratio,
      targets: { ratio: 0.3, p99Ms: 50 },
    })
    console.log(`written to ${path}`)
  } finally {
    child?.disconnect()
    await new Promise((done) => setTimeout(done, 500))
    if (child && child.exitCode === null) child.kill('SIGKILL')
    await scratch?.drop()
  }
}

// Run as a script (not when imported): the parent measures, the child (`serve`) answers.
const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href
if (isMain && process.argv[2] === 'serve') await serve(process.argv[3]!, process.argv[4]!)
else if (isMain) await main()
