/**
 * `npm run bench:publish`: a full publication (facts, aggregation, protection of every table
 * together, files, catalogue) from 1 M and 8 M synthetic dossiers in PostgreSQL, with its time and
 * peak memory; and the aggregation step against a plain `GROUP BY GROUPING SETS` of the same cells
 * (count only), measured in the same run on the same fact tables.
 *
 * Options: --dossiers 1000000,8000000 (comma-separated sizes), --keep (keep the databases),
 * --datasets-root DIR (a folder holding other dataset definitions, e.g. the tests' reduced set),
 * --connections N (tables aggregated at once, default 2 as `passerelle publish`; the baseline runs
 * its plain queries as many at once, so that the ratio compares the queries alone).
 * PASSERELLE_BENCH_PG names the server (local by default). Targets: 8 M ≤ 3 minutes end to end;
 * aggregation ≤ 2 × the plain query.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { openServerStore } from '../src/db/connect.ts'
import { prepareStore } from '../src/db/open-hub.ts'
import { mapLimit } from '../src/lib/map-limit.ts'
import { AGGREGATION_SETTINGS, plainGroupingSetsSql } from '../src/publish/aggregate/index.ts'
import { readDefinitions } from '../src/publish/definition/read-definitions.ts'
import { publishRelease } from '../src/publish/run/publish-release.ts'
import { fmt, memorySampler, scratchDatabase, writeResult } from './lib.ts'
import { synthesizeHub } from './publish-data.ts'

const { values } = parseArgs({
  options: {
    dossiers: { type: 'string', default: '1000000,8000000' },
    keep: { type: 'boolean' },
    'datasets-root': { type: 'string' },
    connections: { type: 'string', default: '2' },
  },
})
const connections = Number(values.connections)
const sizes = (values.dossiers ?? '').split(',').map(Number)
const AS_OF = '2026-10-31'
const results: Record<string, unknown>[] = []

for (const dossiers of sizes) {
  const { url, drop } = await scratchDatabase(`bench_publish_${dossiers}`)
  // The publication lock's connection, the facts' two, or `connections` aggregation statements.
  const store = openServerStore(url, connections + 2)
  try {
    await prepareStore(store)
    const client = new pg.Client({ connectionString: url })
    // Dropping the database ends this connection: that must not hide the error that led there.
    client.on('error', () => {})
    await client.connect()
    let started = performance.now()
    await synthesizeHub(client, dossiers)
    // A hub that publishes was not bulk-loaded a moment before: without this, autovacuum of the
    // freshly filled tables ran during the publication (not during the baseline, measured later).
    await client.query('vacuum analyze')
    const fillSeconds = (performance.now() - started) / 1000
    console.log(`${fmt(dossiers)} dossiers: hub filled in ${fmt(fillSeconds, 1)} s`)
    const out = mkdtempSync(join(tmpdir(), 'passerelle-bench-publish-'))
    const memory = memorySampler()
    started = performance.now()
    const result = await publishRelease(store.db, {
      out,
      date: '2026-11-28',
      asOf: AS_OF,
      ...(values['datasets-root'] ? { root: values['datasets-root'] } : {}),
      log: (m) => console.log(`  ${m}`),
      connections,
    })
    const totalSeconds = (performance.now() - started) / 1000
    const peakMiB = memory.stop()
    if (!result.ok) {
      const counts = new Map<string, number>()
      for (const issue of result.issues) counts.set(issue.code, (counts.get(issue.code) ?? 0) + 1)
      throw new Error(
        `publication failed: ${[...counts].map(([code, n]) => `${n} × ${code}`).join(', ')}; first: ${JSON.stringify(result.issues.slice(0, 5))}`,
      )
    }
    // The baseline: the same cells, count only, one plain GROUPING SETS query per table.
    const definitions = await readDefinitions(values['datasets-root'])
    if (!definitions.ok) throw new Error('definitions')
    // With the aggregation's own session settings, each on its own connection, as many at once as
    // the aggregation ran: the ratio then compares the queries alone.
    const pool = new pg.Pool({ connectionString: url, max: connections })
    started = performance.now()
    await mapLimit(
      definitions.value.flatMap((d) => d.tables),
      connections,
      async (table) => {
        const connection = await pool.connect()
        try {
          await connection.query('begin')
          for (const setting of AGGREGATION_SETTINGS) await connection.query(setting)
          await connection.query(plainGroupingSetsSql(table))
          await connection.query('commit')
        } finally {
          connection.release()
        }
      },
    )
    await pool.end()
    const baselineSeconds = (performance.now() - started) / 1000
    const aggregationSeconds = result.seconds.aggregation ?? Number.NaN
    const row = {
      dossiers,
      connections,
      fillSeconds,
      totalSeconds,
      steps: result.seconds,
      peakMiB,
      aggregationSeconds,
      baselineSeconds,
      aggregationRatio: aggregationSeconds / baselineSeconds,
      cells: result.report.set.cells,
      suppressedShare: result.report.set.cellsSuppressedShare,
    }
    results.push(row)
    console.log(
      `${fmt(dossiers)} dossiers: publish ${fmt(totalSeconds, 1)} s end to end (target at 8 M: ≤ 180 s), peak ${fmt(peakMiB)} MiB; aggregation ${fmt(aggregationSeconds, 1)} s vs plain GROUPING SETS ${fmt(baselineSeconds, 1)} s (${connections} at once both) = ${fmt(row.aggregationRatio, 2)} × (target ≤ 2); ${fmt(row.cells)} cells, ${fmt(row.suppressedShare * 100, 1)} % suppressed`,
    )
    await client.end()
    rmSync(out, { recursive: true, force: true })
  } finally {
    await store.close()
    if (!values.keep) await drop()
  }
}
console.log(
  `results: ${writeResult('publish', { asOf: AS_OF, datasetsRoot: values['datasets-root'] ?? 'datasets/', results })}`,
)
