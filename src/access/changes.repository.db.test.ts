import { type Kysely, type RawBuilder, sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestStore, type TestStore } from '../../test/store.ts'
import type { Database } from '../db/database.ts'
import { insertDossiers } from '../publish/facts/hub-fixtures.ts'
import { listAudit } from './audit.repository.ts'
import { horizonQuery, readChangePage } from './change-page.ts'
import { type ChangePosition, type ChangeView, changePosition, changesQuery } from './changes.repository.ts'
import { withPartner } from './partner-tx.ts'
import { feedSettled, insertPartners, openWriter, versionRow } from './test-fixtures.ts'

let store: TestStore
let a: number
let b: number
let c: number

beforeAll(async () => {
  store = await openTestStore()
  ;[a, b, c] = (await insertPartners(store.db, ['RA', 'OB', 'FC'])) as [number, number, number]
  // RA shares G1 with OB and FC; the hub's other versions (FC's and OB's dossiers alone, RA's own)
  // are interleaved with those of G1.
  await insertDossiers(store.db, [
    { partner_id: a, record_id: 'A1', person_key: 'P1', shared_dossier_id: 'G1' },
    { partner_id: b, record_id: 'B1', person_key: 'P1', shared_dossier_id: 'G1' },
    { partner_id: c, record_id: 'C6', person_key: 'P1', shared_dossier_id: 'G1' },
    { partner_id: b, record_id: 'B2', person_key: 'P2' },
    ...[1, 2, 3, 4, 5].map((n) => ({ partner_id: c, record_id: `C${n}`, person_key: `P${n + 2}` })),
  ])
  const received: [number, string, number][] = [
    [b, 'B1', 1],
    [c, 'C1', 1],
    [c, 'C2', 1],
    [c, 'C3', 1],
    [b, 'B1', 2],
    [c, 'C4', 1],
    [c, 'C5', 1],
    [b, 'B2', 1],
    [c, 'C6', 1],
    [a, 'A1', 1],
  ]
  await store.db
    .insertInto('dossier_version')
    .values(
      received.map(([partner_id, record_id, version], i) => ({
        person_key:
          record_id === 'B2'
            ? 'P2'
            : record_id.startsWith('C') && record_id !== 'C6'
              ? `P${Number(record_id.slice(1)) + 2}`
              : 'P1',
        partner_id,
        record_id,
        version,
        content_hash: 'h',
        updated_at: '2026-01-01T00:00:00Z',
        received_at: `2026-01-01T00:00:${String(i + 10)}Z`,
        transmission_id: 1,
        payload: JSON.stringify({ status: 'ENTRE' }),
      })),
    )
    .execute()
  await feedSettled(store.db)
})
afterAll(() => store.dispose())

interface PlanNode {
  'Node Type': string
  'Index Name'?: string
  'Index Cond'?: string
  'Parent Relationship'?: string
  Plans?: PlanNode[]
}

/**
 * The plan of `query` in `db` (a transaction: the settings are local to it), with other plans than
 * index scans without a sort priced out: on a test-sized table the planner rightly prefers them.
 */
async function pricedPlan(db: Kysely<Database>, query: RawBuilder<unknown>): Promise<PlanNode> {
  await sql`select set_config('enable_seqscan', 'off', true), set_config('enable_bitmapscan', 'off', true),
    set_config('enable_sort', 'off', true)`.execute(db)
  const { rows } = await sql<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>`explain (format json) ${query}`.execute(
    db,
  )
  return rows[0]!['QUERY PLAN'][0].Plan
}

/** The scans of dossier_version among `nodes` (and any sequential scan), as the tests compare them. */
function versionScans(nodes: PlanNode[]) {
  return nodes
    .filter((n) => n['Index Name']?.startsWith('dossier_version') || n['Node Type'] === 'Seq Scan')
    .map((n) => ({ type: n['Node Type'], index: n['Index Name'], cond: n['Index Cond'] }))
}

/** Every node of a plan, subplans and init plans included. */
function allNodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(allNodes)]
}

/** The nodes of the plan's main tree; subplans (the caller's own record ids of a group) left out. */
function mainNodes(plan: PlanNode): PlanNode[] {
  const children = (plan.Plans ?? []).filter((p) => p['Parent Relationship'] !== 'SubPlan')
  return [plan, ...children.flatMap(mainNodes)]
}

describe('the change feed query', () => {
  // On a test-sized table the planner rightly prefers other plans; with them priced out, a plan
  // that still sorts or scans dossier_version otherwise means the index cannot serve the query
  // (a column, its order or the collation of the comparison no longer match it).
  it('reads dossier_version through dossier_version_committed, the cursor and the horizon as index conditions and no sort', async () => {
    const plan = await withPartner(store.db, 1, (scope) =>
      pricedPlan(
        scope.db,
        changesQuery(
          1,
          {
            from: ['812', '2026-12-01T10:00:00.000000Z', 2, 'CPF-1', 3],
            until: ['905', '2026-12-02T10:00:00.000000Z', 4, 'ARA-7', 1],
            settled: '907',
          },
          500,
        ),
      ),
    )
    const all = mainNodes(plan)
    expect(versionScans(all)).toEqual([
      {
        type: 'Index Scan',
        index: 'dossier_version_committed',
        cond: expect.stringMatching(
          /^\(\(ROW\(txid, received_at, partner_id, \(record_id\)::text, version\) > ROW\(.*\)\) AND \(txid < '907'::xid8\) AND \(ROW\(txid, received_at, partner_id, \(record_id\)::text, version\) <= ROW\(.*\)\)\)$/,
        ),
      },
    ])
    expect(all.filter((n) => n['Node Type'].endsWith('Sort'))).toEqual([])
  })
})

describe('the change feed horizon query', () => {
  // As above: with other plans priced out, a scan of dossier_version other than through the index,
  // or a sort, means the walk budget would read the hub's whole history to find its end.
  it('counts the walk budget through dossier_version_committed, the cursor and the settled bound as index conditions and no sort', async () => {
    const plan = await store.db
      .transaction()
      .execute((tx) =>
        pricedPlan(tx, horizonQuery(['812', '2026-12-01T10:00:00.000000Z', 2, 'CPF-1', 3], 20_000)),
      )
    const all = allNodes(plan)
    expect(versionScans(all)).toEqual([
      {
        type: 'Index Only Scan',
        index: 'dossier_version_committed',
        cond: expect.stringMatching(
          /^\(\(ROW\(txid, received_at, partner_id, record_id, version\) > ROW\(.*\)\) AND \(txid < pg_snapshot_xmin\(pg_current_snapshot\(\)\)\)\)$/,
        ),
      },
    ])
    expect(all.filter((n) => n['Node Type'].endsWith('Sort'))).toEqual([])
  })
})

const AUDIT = { actor: 'user:test', route: 'test' }
const summary = (page: { changes: readonly ChangeView[]; more: boolean }) => ({
  changes: page.changes.map((ch) => `${ch.partner}:${ch.record}:${ch.version}`),
  more: page.more,
})

describe('a page of the change feed', () => {
  async function follow(limit: number, budget: number) {
    const pages: { changes: string[]; more: boolean }[] = []
    let after: ChangePosition | null = null
    for (let more = true; more && pages.length < 20; ) {
      const page = await readChangePage(store.db, a, after, limit, AUDIT, { budget })
      pages.push(summary(page))
      ;({ more } = page)
      after = page.last
    }
    return pages
  }

  it('walks at most `budget` of the hub’s versions, and its pages followed to the end give every change once, in order', async () => {
    expect(await follow(500, 3)).toEqual([
      { changes: ['OB:B1:1'], more: true },
      { changes: ['OB:B1:2'], more: true },
      { changes: ['FC:C6:1'], more: true },
      { changes: [], more: false },
    ])
  })

  it('stops at `limit` changes when the budget reaches further', async () => {
    expect(await follow(2, 20_000)).toEqual([
      { changes: ['OB:B1:1', 'OB:B1:2'], more: true },
      { changes: ['FC:C6:1'], more: false },
    ])
  })

  it('writes a page to the audit log only when it shows changes, naming the caller’s records and the co-funders’ it showed', async () => {
    const before = (await listAudit(store.db, { partnerId: a })).length
    await follow(500, 3)
    const rows = (await listAudit(store.db, { partnerId: a })).slice(before)
    expect(rows.map((r) => r.dossiers)).toEqual([
      ['A1', 'OB:B1'],
      ['A1', 'OB:B1'],
      ['A1', 'FC:C6'],
    ])
  })
  it('takes a cursor handed out before the commit order as the same place in the feed', async () => {
    const { rows } = await sql<{ at: string }>`
      select to_char(received_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at
      from dossier_version where record_id = 'B1' and version = 1`.execute(store.db)
    const legacy = changePosition([rows[0]!.at, b, 'B1', 1])
    expect(legacy).toEqual(['', rows[0]!.at, b, 'B1', 1])
    expect(summary(await readChangePage(store.db, a, legacy!, 500, AUDIT))).toEqual({
      changes: ['OB:B1:2', 'FC:C6:1'],
      more: false,
    })
  })

  it('refuses positions of any other shape', () => {
    const at = '2026-01-01T00:00:10.000000Z'
    const bad = [
      null,
      'x',
      [],
      ['', at, 1, 'B1', 1],
      ['12a', at, 1, 'B1', 1],
      ['12', 'soon', 1, 'B1', 1],
      ['12', at, 1.5, 'B1', 1],
      ['12', at, 1, 7, 1],
      ['12', at, 1, 'B1', 1, 0],
      [at, 1, 'B1'],
    ]
    expect(bad.map(changePosition)).toEqual(bad.map(() => undefined))
    expect(changePosition(['12', '-infinity', 0, '', 0])).toEqual(['12', '-infinity', 0, '', 0])
  })

  // Only a server runs two transactions at once. Reception order would show the second
  // transaction's version and hand out a cursor past the first's, which commits later with an
  // earlier reception time: that version would never be shown.
  it.runIf(process.env.PASSERELLE_TEST_STORE === 'pg')(
    'leaves the versions of a transaction still open, and of every one after it, to a later poll from the cursor it gave',
    async () => {
      const version = (v: number) => versionRow(b, 'B1', 'P1', v)
      const before = await readChangePage(store.db, a, null, 500, AUDIT)
      const open = await openWriter(store.url!)
      try {
        await open.insertVersion(version(3))
        await store.db.insertInto('dossier_version').values(version(4)).execute()
        const during = await readChangePage(store.db, a, before.last, 500, AUDIT)
        expect(summary(during)).toEqual({ changes: [], more: false })
        await open.commit()
        await feedSettled(store.db)
        const after = await readChangePage(store.db, a, during.last, 500, AUDIT)
        expect(summary(after)).toEqual({ changes: ['OB:B1:3', 'OB:B1:4'], more: false })
        const again = await readChangePage(store.db, a, after.last, 500, AUDIT)
        expect(summary(again)).toEqual({ changes: [], more: false })
      } finally {
        await open.end()
      }
    },
  )
})
