import { addUser } from '../../src/access/users.repository.ts'
import { workerPreparer } from '../../src/ingest/preparer.ts'
import { addPartner } from '../../src/partners/partner.repository.ts'
import { createApp } from '../../src/server/app.ts'
import { dossier } from '../fixtures.ts'
import type { TestStore } from '../store.ts'

/** NIRs of the fixture: Marie Dupont (CDC and R84 co-fund her training) and Paul Martin (OPCO alone). */
export const NIR_SHARED = '2850575056048'
export const NIR_OTHER = '1900269123456'
export const PASSWORD = 'mot de passe de test'

/**
 * Three partners on a fresh store: CDC and R84 share dossier CPF-1/ARA-1 (declared by CDC),
 * CDC has CPF-2 alone, OPCO has OP-1 and OP-2 about another person. One user per partner.
 */
export async function partnerFixture(store: TestStore) {
  const app = createApp({
    db: store.db,
    storeKind: store.kind,
    preparer: workerPreparer('s'),
    today: () => '2026-11-28',
    secret: 'test-secret',
  })
  const partners = {
    CDC: await addPartner(store.db, { code: 'CDC', name: 'Caisse des Dépôts', kind: 'CDC' }),
    R84: await addPartner(store.db, { code: 'R84', name: 'Région Auvergne-Rhône-Alpes', kind: 'REGION' }),
    OPCO: await addPartner(store.db, { code: 'OPCO', name: 'OPCO Atlas', kind: 'OPCO' }),
  }
  for (const [code, p] of Object.entries(partners))
    await addUser(store.db, {
      partnerId: p.partner.id,
      email: `${code.toLowerCase()}@example.fr`,
      password: PASSWORD,
    })
  const post = async (code: keyof typeof partners, records: unknown[]) => {
    const res = await app.request('/api/v1/records', {
      method: 'POST',
      body: JSON.stringify(records),
      headers: { 'content-type': 'application/json', authorization: `Bearer ${partners[code].token}` },
    })
    const body = (await res.json()) as { results: { outcome: string }[] }
    const bad = body.results.filter((r) => r.outcome !== 'created' && r.outcome !== 'updated')
    if (bad.length) throw new Error(`fixture records refused: ${JSON.stringify(bad)}`)
  }
  await post('CDC', [
    dossier({ id: 'CPF-1', sharedWith: [{ partner: 'R84', id: 'ARA-1' }] }),
    dossier({
      id: 'CPF-2',
      sharedWith: [],
      training: { plannedStart: '2024-03-04', plannedEnd: '2024-09-30' },
    }),
  ])
  await post('R84', [dossier({ id: 'ARA-1', sharedWith: [], dispositif: 'PRF' })])
  const other = { nir: NIR_OTHER, birthName: 'MARTIN', firstNames: 'Paul', sex: 'M', birthDate: '1990-02-01' }
  await post('OPCO', [
    dossier({ id: 'OP-1', sharedWith: [], trainee: other, dispositif: 'PDC' }),
    dossier({
      id: 'OP-2',
      sharedWith: [],
      trainee: other,
      dispositif: 'PDC',
      training: { plannedStart: '2024-05-06' },
    }),
  ])
  const get = (code: keyof typeof partners, path: string, init: RequestInit = {}) =>
    app.request(path, {
      ...init,
      headers: { authorization: `Bearer ${partners[code].token}`, ...(init.headers ?? {}) },
    })
  return { app, partners, post, get }
}
