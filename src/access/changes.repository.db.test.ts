import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestStore, type TestStore } from '../../test/store.ts'
import { changesQuery } from './changes.repository.ts'
import { withPartner } from './partner-tx.ts'

let store: TestStore
beforeAll(async () => {
  store = await openTestStore()
})
afterAll(() => store.dispose())

interface PlanNode {
  'Node Type': string
  'Index Name'?: string
  'Index Cond'?: string
  'Parent Relationship'?: string
  Plans?: PlanNode[]
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
  it('reads dossier_version through dossier_version_received, the cursor as index condition and no sort', async () => {
    const plan = await withPartner(store.db, 1, async (scope) => {
      await sql`select set_config('enable_seqscan', 'off', true), set_config('enable_bitmapscan', 'off', true),
        set_config('enable_sort', 'off', true)`.execute(scope.db)
      const query = changesQuery(1, ['2026-12-01T10:00:00.000000Z', 2, 'CPF-1', 3], 500)
      const { rows } = await sql<{
        'QUERY PLAN': [{ Plan: PlanNode }]
      }>`explain (format json) ${query}`.execute(scope.db)
      return rows[0]!['QUERY PLAN'][0].Plan
    })
    const all = mainNodes(plan)
    const versionScans = all
      .filter((n) => n['Index Name']?.startsWith('dossier_version') || n['Node Type'] === 'Seq Scan')
      .map((n) => ({ type: n['Node Type'], index: n['Index Name'], cond: n['Index Cond'] }))
    expect(versionScans).toEqual([
      {
        type: 'Index Scan',
        index: 'dossier_version_received',
        cond: expect.stringMatching(
          /^\(ROW\(received_at, partner_id, \(record_id\)::text, version\) > ROW\(/,
        ),
      },
    ])
    expect(all.filter((n) => n['Node Type'].endsWith('Sort'))).toEqual([])
  })
})
