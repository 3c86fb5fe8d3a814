import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testApp } from '../../../test/api-app.ts'
import { dossier, exampleCep } from '../../../test/fixtures.ts'
import { openTestStore, type TestStore } from '../../../test/store.ts'
import { addPartner } from '../../partners/partner.repository.ts'
import type { createApp } from '../app.ts'

let store: TestStore
let app: ReturnType<typeof createApp>
let token: string

beforeAll(async () => {
  store = await openTestStore()
  app = testApp(store)
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

/** Posts `records` as `bearer`, failing unless each is created. */
async function send(bearer: string, records: unknown[]) {
  const res = await app.request('/api/v1/records', {
    method: 'POST',
    body: JSON.stringify(records),
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
  })
  const { results } = (await res.json()) as { results: { outcome: string }[] }
  if (results.some((r) => r.outcome !== 'created')) throw new Error(`refused: ${JSON.stringify(results)}`)
}

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

describe('both exports', () => {
  it('refuse a query parameter they do not take, naming it and the one they take, rather than give the programs’ file', async () => {
    const answers = await Promise.all(
      ['/api/v1/export.csv?fromat=excel', '/api/v1/export-cep.csv?format=excel&sep=%3B'].map(async (url) => {
        const res = await app.request(url, { headers: { authorization: `Bearer ${token}` } })
        return [res.status, res.headers.get('content-type'), await res.json()]
      }),
    )
    const refusal = (name: string) => ({
      error: {
        code: 'export/unknown-parameter',
        message: `unknown query parameter "${name}": this route takes format (csv, the default, or excel)`,
      },
    })
    expect(answers).toEqual([
      [400, 'application/json', refusal('fromat')],
      [400, 'application/json', refusal('sep')],
    ])
  })

  it('take format alone, or no parameter at all', async () => {
    const statuses = await Promise.all(
      ['/api/v1/export.csv', '/api/v1/export.csv?format=', '/api/v1/export-cep.csv?format=csv'].map(
        async (url) => {
          const res = await app.request(url, { headers: { authorization: `Bearer ${token}` } })
          await res.text()
          return res.status
        },
      ),
    )
    expect(statuses).toEqual([200, 200, 200])
  })
})

describe('GET /api/v1/export-cep.csv', () => {
  it('gives a CEP operator the periods it sent with the identity it sent, nothing of another operator, and logs the read', async () => {
    const apec = (await addPartner(store.db, { code: 'APEC', name: 'Apec', kind: 'CEP' })).token
    const other = (await addPartner(store.db, { code: 'CIBC', name: 'CIBC', kind: 'CEP' })).token
    await send(apec, [exampleCep(), { ...exampleCep(), id: 'APEC-2', end: undefined, endReason: undefined }])
    await send(other, [{ ...exampleCep(), id: 'CIBC-1' }])
    const res = await app.request('/api/v1/export-cep.csv', { headers: { authorization: `Bearer ${apec}` } })
    const [header, ...lines] = (await res.text()).trimEnd().split('\n')
    const names = header!.split(',')
    const rows = lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [names[i], v])))
    expect([
      res.headers.get('content-disposition'),
      rows.map((r) => [r.record_id, r.nir, r.birth_name, r.start_date, r.end_date, r.end_reason, r.level]),
    ]).toEqual([
      'attachment; filename="passerelle-APEC-2026-11-28-cep.csv"',
      [
        ['APEC-1', '2850575056048', 'DUPONT', '2023-10-01', '2024-01-15', 'PROJET_FORMALISE', '2'],
        ['APEC-2', '2850575056048', 'DUPONT', '2023-10-01', '', '', '2'],
      ],
    ])
    const audit = await store.db
      .selectFrom('access_audit')
      .select(['route', 'dossiers'])
      .where('route', '=', 'GET /api/v1/export-cep.csv')
      .execute()
    expect(audit).toEqual([{ route: 'GET /api/v1/export-cep.csv', dossiers: ['cep/APEC-1', 'cep/APEC-2'] }])
  })
})
