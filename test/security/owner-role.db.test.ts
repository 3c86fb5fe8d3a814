import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { openServerStore } from '../../src/db/connect.ts'
import { prepareStore } from '../../src/db/open-hub.ts'
import { workerPreparer } from '../../src/ingest/preparer.ts'
import { addPartner } from '../../src/partners/partner.repository.ts'
import { createApp } from '../../src/server/app.ts'
import { dossier } from '../fixtures.ts'
import { withDatabase } from '../store.ts'

const admin = process.env.PASSERELLE_TEST_PG
// Superusers bypass row-level security: only a server with a plain owner role shows that FORCE
// ROW LEVEL SECURITY leaves the hub's own jobs working. PGlite has a single superuser.
const onServer = process.env.PASSERELLE_TEST_STORE === 'pg' && admin !== undefined

async function adminRun(statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: admin })
  await client.connect()
  try {
    for (const s of statements) await client.query(s)
  } finally {
    await client.end()
  }
}

describe.runIf(onServer)('a hub owned by a role that is not a superuser', () => {
  it('migrates, ingests and links under FORCE ROW LEVEL SECURITY, and serves partner reads', async () => {
    const name = `passerelle_owner_${randomBytes(5).toString('hex')}`
    await adminRun([`create role ${name} login`, `create database ${name} owner ${name}`])
    const url = new URL(withDatabase(admin!, name))
    url.username = name
    const store = openServerStore(url.toString(), 2)
    try {
      await expect(prepareStore(store)).rejects.toThrow(`grant passerelle_reader to ${name};`)
      await adminRun([`grant passerelle_reader to ${name}`])
      await prepareStore(store)
      const app = createApp({
        db: store.db,
        storeKind: 'pg',
        preparer: workerPreparer('s'),
        today: () => '2026-11-28',
      })
      const cdc = await addPartner(store.db, { code: 'CDC', name: 'CDC', kind: 'CDC' })
      const r84 = await addPartner(store.db, { code: 'R84', name: 'R84', kind: 'REGION' })
      const post = async (token: string, records: unknown[]) =>
        (
          await app.request('/api/v1/records', {
            method: 'POST',
            body: JSON.stringify(records),
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          })
        ).json()
      expect(
        await post(cdc.token, [dossier({ id: 'CPF-1', sharedWith: [{ partner: 'R84', id: 'ARA-1' }] })]),
      ).toEqual({
        results: [{ index: 0, id: 'CPF-1', type: 'dossier', outcome: 'created' }],
      })
      await post(r84.token, [dossier({ id: 'ARA-1', sharedWith: [] })])
      const read = await app.request('/api/v1/dossiers/CPF-1', {
        headers: { authorization: `Bearer ${cdc.token}` },
      })
      const body = (await read.json()) as { contributions: { id: string }[] }
      expect(body.contributions.map((c) => c.id)).toEqual(['CPF-1', 'ARA-1'])
      const theirs = await app.request('/api/v1/dossiers/ARA-1', {
        headers: { authorization: `Bearer ${cdc.token}` },
      })
      expect(theirs.status).toBe(404)
    } finally {
      await store.close()
      await adminRun([`drop database if exists ${name} with (force)`, `drop role if exists ${name}`])
    }
  })
})
