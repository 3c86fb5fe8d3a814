import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testApp } from '../../../test/api-app.ts'
import { dossier, exampleCep } from '../../../test/fixtures.ts'
import { openTestStore, type TestStore } from '../../../test/store.ts'
import { addPartner } from '../../partners/partner.repository.ts'
import { rotateToken } from '../../partners/token.repository.ts'
import type { createApp } from '../app.ts'
import { MAX_JSON_BYTES } from './records.ts'

let store: TestStore
let app: ReturnType<typeof createApp>
let token: string
let partnerId: number

beforeAll(async () => {
  store = await openTestStore()
  app = testApp(store)
  const added = await addPartner(store.db, { code: 'CDC', name: 'Caisse des Dépôts', kind: 'CDC' })
  token = added.token
  partnerId = added.partner.id
})
afterAll(() => store.dispose())

const post = (body: string, type = 'application/json', auth: string | null = `Bearer ${token}`) =>
  app.request('/api/v1/records', {
    method: 'POST',
    body,
    headers: { 'content-type': type, ...(auth ? { authorization: auth } : {}) },
  })

describe('POST /api/v1/records', () => {
  it('stores the valid records of a mixed JSON batch and reports the others', async () => {
    const res = await post(
      JSON.stringify([
        dossier({ id: 'M1' }),
        dossier({ id: 'M2', training: { plannedEnd: '2023-01-01' } }),
        42,
      ]),
    )
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({
      results: [
        { index: 0, id: 'M1', type: 'dossier', outcome: 'created' },
        {
          index: 1,
          id: 'M2',
          type: 'dossier',
          outcome: 'invalid',
          errors: [
            {
              path: '/training/plannedEnd',
              code: 'dossier/planned-end-before-start',
              message: expect.stringContaining('2023-01-01'),
            },
          ],
        },
        {
          index: 2,
          id: null,
          type: null,
          outcome: 'invalid',
          errors: [{ path: '', code: 'record/not-an-object', message: expect.any(String) }],
        },
      ],
    })
    const stored = await store.db.selectFrom('dossier_current').select('record_id').execute()
    expect(stored).toEqual([{ record_id: 'M1' }])
  })

  it('accepts an NDJSON stream with bad lines among good ones', async () => {
    const body = [
      JSON.stringify(dossier({ id: 'N1' })),
      '{not json',
      '',
      JSON.stringify(exampleCep()),
      JSON.stringify(dossier({ id: 'N1' })),
    ].join('\n')
    const res = await post(body, 'application/x-ndjson')
    expect(res.status).toBe(200)
    const { results } = (await res.json()) as { results: { outcome: string; index: number }[] }
    expect(results.map((r) => [r.index, r.outcome])).toEqual([
      [0, 'created'],
      [1, 'invalid'],
      [2, 'created'],
      [3, 'unchanged'],
    ])
  })

  it('refuses text that is not UTF-8: a JSON body with 400, an NDJSON line as record/invalid-utf8, the other lines stored', async () => {
    // « Hélène » saved as Windows-1252: é is the byte 0xE9.
    const latin1 = (text: string) => Uint8Array.from([...text].map((ch) => ch.charCodeAt(0)))
    const request = (body: Uint8Array, type: string) =>
      app.request('/api/v1/records', {
        method: 'POST',
        body: Buffer.from(body),
        headers: { 'content-type': type, authorization: `Bearer ${token}` },
      })
    const array = await request(latin1('[{"id":"Hélène"}]'), 'application/json')
    expect([array.status, await array.json()]).toEqual([
      400,
      {
        error: {
          code: 'request/invalid-utf8',
          message:
            'the body is not valid UTF-8 (byte 0xE9 at byte 10 of the body): records must be sent as UTF-8; text saved as Windows-1252 or Latin-1 needs converting first (iconv -f WINDOWS-1252 -t UTF-8)',
        },
      },
    ])
    const good = JSON.stringify(dossier({ id: 'UTF8-OK', sharedWith: [] }))
    const stream = await request(
      Uint8Array.from([...latin1('{"id":"Hélène"}\n'), ...new TextEncoder().encode(`${good}\n`)]),
      'application/x-ndjson',
    )
    const { results } = (await stream.json()) as {
      results: { index: number; outcome: string; errors?: { code: string }[] }[]
    }
    expect(results.map((r) => [r.index, r.outcome, r.errors?.map((e) => e.code)])).toEqual([
      [0, 'invalid', ['record/invalid-utf8']],
      [1, 'created', undefined],
    ])
  })

  it('answers an empty transmission (an empty array, an NDJSON stream of no record) with no result and records no transmission', async () => {
    const transmissions = async () =>
      (await store.db.selectFrom('transmission').select('id').where('partner_id', '=', partnerId).execute())
        .length
    const before = await transmissions()
    const answers = []
    for (const [body, type] of [
      ['[]', 'application/json'],
      [' [ ] ', 'application/json'],
      ['', 'application/x-ndjson'],
      ['\n  \n', 'application/x-ndjson'],
    ] as const) {
      const res = await post(body, type)
      answers.push([res.status, await res.json()])
    }
    expect([answers, (await transmissions()) - before]).toEqual([
      Array.from({ length: 4 }, () => [200, { results: [] }]),
      0,
    ])
  })

  it('answers 401 without a token, with an unknown one, and with a revoked one', async () => {
    expect((await post('[]', 'application/json', null)).status).toBe(401)
    expect((await post('[]', 'application/json', 'Bearer nope')).status).toBe(401)
    const old = token
    token = (await rotateToken(store.db, partnerId)).token
    const res = await post('[]', 'application/json', `Bearer ${old}`)
    expect(res.status).toBe(401)
    expect(await res.json()).toEqual({
      error: { code: 'auth/invalid-token', message: 'the token is unknown or revoked' },
    })
    expect((await post('[]')).status).toBe(200)
  })

  it('answers 400 for malformed JSON, 413 above 1,000 records, 415 for other types', async () => {
    const bad = await post('[{"type":')
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('request/invalid-json')
    expect((await post(JSON.stringify({ type: 'dossier' }))).status).toBe(400)
    expect((await post(JSON.stringify(Array.from({ length: 1001 }, () => ({}))))).status).toBe(413)
    expect((await post('a,b', 'text/csv')).status).toBe(415)
  })

  it('refuses a JSON body over 32 MiB before reading it all, announced or chunked', async () => {
    const chunk = new TextEncoder().encode(' '.repeat(1 << 20))
    let sent = 0
    const chunked = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent++
        if (sent > 40) controller.close()
        else controller.enqueue(chunk)
      },
    })
    const res = await app.request('/api/v1/records', {
      method: 'POST',
      body: chunked,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      duplex: 'half',
    } as RequestInit)
    const announced = await post(`[${' '.repeat(MAX_JSON_BYTES)}]`)
    const message = `the body exceeds ${MAX_JSON_BYTES} bytes; send an NDJSON stream (application/x-ndjson) for large transmissions`
    const refused = { error: { code: 'request/too-large', message } }
    expect([res.status, await res.json(), announced.status, await announced.json()]).toEqual([
      413,
      refused,
      413,
      refused,
    ])
    expect(sent).toBeLessThan(40)
  })

  it('rejects a NUL character as a finding, not a server error', async () => {
    const res = await post(JSON.stringify([dossier({ id: 'Z1', training: { title: 'a\u0000b' } })]))
    expect(res.status).toBe(200)
    const { results } = (await res.json()) as { results: { outcome: string; errors: { code: string }[] }[] }
    expect(results[0]!.outcome).toBe('invalid')
    expect(results[0]!.errors[0]!.code).toBe('record/nul-character')
  })

  it('describes itself in OpenAPI and answers health without a token', async () => {
    expect(await (await app.request('/api/v1/health')).json()).toEqual({ status: 'ok', store: store.kind })
    const doc = (await (await app.request('/api/v1/openapi.json')).json()) as {
      openapi: string
      paths: Record<string, unknown>
    }
    expect(doc.openapi).toBe('3.1.0')
    expect(Object.keys(doc.paths)).toEqual([
      '/health',
      '/records',
      '/dossiers/{id}',
      '/dossiers/search',
      '/changes',
      '/export.csv',
      '/export-cep.csv',
      '/token',
      '/referentials/{kind}',
    ])
  })
})
