import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dossier } from '../../../test/fixtures.ts'
import { openTestStore, type TestStore } from '../../../test/store.ts'
import { workerPreparer } from '../../ingest/preparer.ts'
import { addPartner } from '../../partners/partner.repository.ts'
import { createApp } from '../app.ts'

let store: TestStore
let app: ReturnType<typeof createApp>
let token: string

beforeAll(async () => {
  store = await openTestStore()
  app = createApp({
    db: store.db,
    storeKind: store.kind,
    preparer: workerPreparer('s'),
    today: () => '2026-11-28',
  })
  token = (await addPartner(store.db, { code: 'CDC', name: 'Caisse des Dépôts', kind: 'CDC' })).token
  const record = dossier({ id: '007', sharedWith: [], trainee: { residenceCommune: '01053' } })
  const res = await app.request('/api/v1/records', {
    method: 'POST',
    body: JSON.stringify([record]),
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
  })
  const [result] = ((await res.json()) as { results: { outcome: string }[] }).results
  if (result?.outcome !== 'created') throw new Error(`fixture refused: ${JSON.stringify(result)}`)
})
afterAll(() => store.dispose())

const get = (query = '') =>
  app.request(`/api/v1/export.csv${query}`, { headers: { authorization: `Bearer ${token}` } })

// The line of a file as a partner's program or spreadsheet reads it: column → cell.
function row(text: string, separator: string, newline: string): Record<string, string> {
  const [header, line] = text.split(newline)
  const names = header!.split(separator)
  const cells = line!.split(separator)
  return Object.fromEntries(names.map((n, i) => [n, cells[i]!]))
}

describe('GET /api/v1/export.csv', () => {
  it('is by default an RFC 4180 file for programs: UTF-8 without BOM, commas, codes as stored', async () => {
    const res = await get()
    const bytes = new Uint8Array(await res.arrayBuffer())
    const r = row(new TextDecoder().decode(bytes), ',', '\n')
    expect([
      res.headers.get('content-type'),
      res.headers.get('content-disposition'),
      bytes[0],
      [r.record_id, r.residence_commune, r.organism_siret, r.committed],
    ]).toEqual([
      'text/csv; charset=utf-8',
      'attachment; filename="passerelle-CDC-2026-11-28.csv"',
      's'.charCodeAt(0),
      ['007', '01053', '98765432100015', '6000'],
    ])
  })

  it('with format=excel is for a spreadsheet: a UTF-8 BOM, semicolons, CRLF, codes of digits kept as text', async () => {
    const res = await get('?format=excel')
    const bytes = new Uint8Array(await res.arrayBuffer())
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)
    const r = row(text.slice(1), ';', '\r\n')
    expect([
      res.headers.get('content-disposition'),
      [...bytes.slice(0, 3)],
      [r.record_id, r.residence_commune, r.organism_siret, r.certification_code],
    ]).toEqual([
      'attachment; filename="passerelle-CDC-2026-11-28-tableur.csv"',
      [0xef, 0xbb, 0xbf],
      ['"=""007"""', '"=""01053"""', '"=""98765432100015"""', 'RNCP37674'],
    ])
  })

  it('refuses a format it does not make, naming the two it does', async () => {
    const res = await get('?format=xlsx')
    expect([res.status, await res.json()]).toEqual([
      400,
      {
        error: {
          code: 'export/unknown-format',
          message:
            'format "xlsx" is not one of csv (the default: RFC 4180, for programs) and excel (for a spreadsheet)',
        },
      },
    ])
  })
})
