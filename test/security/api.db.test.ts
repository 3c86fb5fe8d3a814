import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { listAudit } from '../../src/access/audit.repository.ts'
import { feedSettled } from '../../src/access/test-fixtures.ts'
import { addPartner } from '../../src/partners/partner.repository.ts'
import { listTokens, rotateToken } from '../../src/partners/token.repository.ts'
import { dossier } from '../fixtures.ts'
import { openTestStore, type TestStore } from '../store.ts'
import { NIR_OTHER, NIR_SHARED, partnerFixture } from './partner-fixture.ts'

let store: TestStore
let fx: Awaited<ReturnType<typeof partnerFixture>>
const logged: string[] = []

beforeAll(async () => {
  store = await openTestStore()
  fx = await partnerFixture(store)
  for (const level of ['log', 'error', 'warn', 'info'] as const)
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      logged.push(args.map(String).join(' '))
    })
})
afterAll(async () => {
  vi.restoreAllMocks()
  await store.dispose()
})

const INJECTIONS = [
  "' or 1=1 --",
  "x'; drop table dossier_current; --",
  '%',
  '_',
  '\\',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '{{7*7}}',
  '\u0000',
  "CPF-1' union select nir from person_identity --",
]

const NOT_FOUND = { error: { code: 'dossier/not-found', message: 'no dossier of yours has this id' } }

describe('GET /api/v1/dossiers/{id}', () => {
  it('gives the caller its shared dossier with every co-funder’s record, history and outcomes', async () => {
    const res = await fx.get('CDC', '/api/v1/dossiers/CPF-1')
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body.person).toEqual({
      nir: NIR_SHARED,
      birthName: 'DUPONT',
      usualName: null,
      firstNames: 'Marie',
      birthDate: '1985-05-14',
      sex: 'F',
    })
    expect(body.contributions.map((c: any) => [c.partner.code, c.id, c.yours, c.history.length])).toEqual([
      ['CDC', 'CPF-1', true, 1],
      ['R84', 'ARA-1', false, 1],
    ])
    // Each record's funding lines beside its whole amount: who commits what.
    expect(body.contributions.map((c: any) => [c.current.committed, c.current.funding])).toEqual([
      [
        6000,
        [
          { funder: 'CDC', committed: 4200 },
          { funder: 'R84', committed: 1800 },
        ],
      ],
      [
        6000,
        [
          { funder: 'CDC', committed: 4200 },
          { funder: 'R84', committed: 1800 },
        ],
      ],
    ])
    expect(body.outcomes).toEqual({
      certification: 'OBTENUE',
      exitDate: '2024-06-28',
      certificationFrom: { partner: 'CDC', id: 'CPF-1' },
      exitFrom: { partner: 'CDC', id: 'CPF-1' },
      employment: {
        '6': {
          known: true,
          salaried: false,
          lasting: false,
          access: false,
          situation: 'sans_emploi_salarie',
        },
        '12': {
          known: true,
          salaried: false,
          lasting: false,
          access: false,
          situation: 'sans_emploi_salarie',
        },
      },
    })
  })

  it('answers another partner’s id exactly like an id that does not exist', async () => {
    const theirs = await fx.get('OPCO', '/api/v1/dossiers/CPF-1')
    const none = await fx.get('OPCO', '/api/v1/dossiers/NOPE-1')
    expect([theirs.status, await theirs.text()]).toEqual([none.status, await none.text()])
    expect(none.status).toBe(404)
  })

  it('leaks nothing to a partner enumerating ids', async () => {
    const ids = [
      'CPF-1',
      'CPF-2',
      'ARA-1',
      'CPF-0',
      'CPF-3',
      ...Array.from({ length: 20 }, (_, i) => `CPF-${100 + i}`),
    ]
    const answers = await Promise.all(
      ids.map(async (id) => {
        const res = await fx.get('OPCO', `/api/v1/dossiers/${encodeURIComponent(id)}`)
        return [res.status, await res.json()]
      }),
    )
    expect(answers).toEqual(ids.map(() => [404, NOT_FOUND]))
  })

  it('never shows a co-funder its partner’s identity of the person', async () => {
    const res = await fx.get('R84', '/api/v1/dossiers/ARA-1')
    const body = await res.json()
    expect(body.contributions.map((c: any) => c.partner.code)).toEqual(['CDC', 'R84'])
    // R84 sent the same NIR itself: what it sees is its own record's identity, and no payload holds one.
    expect(JSON.stringify(body.contributions)).not.toContain(NIR_SHARED)
  })

  it('answers injection strings in the id as plain 404s', async () => {
    for (const id of INJECTIONS) {
      const res = await fx.get('OPCO', `/api/v1/dossiers/${encodeURIComponent(id)}`)
      expect([id, res.status]).toEqual([id, 404])
    }
  })
})

describe('response headers', () => {
  it('forbid caching nominative answers, and sniffing and framing of any', async () => {
    const answers = [
      await fx.get('CDC', '/api/v1/dossiers/CPF-1'),
      await fx.get('CDC', '/api/v1/changes'),
      await fx.get('CDC', '/api/v1/dossiers/nope'),
    ]
    expect(
      answers.map((res) => [
        res.status,
        ...['cache-control', 'x-content-type-options', 'x-frame-options'].map((h) => res.headers.get(h)),
      ]),
    ).toEqual([
      [200, 'no-store', 'nosniff', 'SAMEORIGIN'],
      [200, 'no-store', 'nosniff', 'SAMEORIGIN'],
      [404, 'no-store', 'nosniff', 'SAMEORIGIN'],
    ])
  })
})

describe('POST /api/v1/dossiers/search', () => {
  const search = (code: 'CDC' | 'R84' | 'OPCO', body: unknown) =>
    fx.get(code, '/api/v1/dossiers/search', {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    })

  it('finds the caller’s dossiers by NIR in the body, by name, birth date, dates, status and dispositif', async () => {
    const ids = async (q: unknown) =>
      ((await (await search('CDC', q)).json()) as any).items.map((d: any) => d.id)
    expect(await ids({ nir: NIR_SHARED })).toEqual(['CPF-1', 'CPF-2'])
    expect(await ids({ name: 'dup' })).toEqual(['CPF-1', 'CPF-2'])
    expect(await ids({ birthDate: '1985-05-14', startFrom: '2024-02-01' })).toEqual(['CPF-2'])
    expect(await ids({ status: 'SORTI', dispositif: 'CPF', id: 'CPF-1' })).toEqual(['CPF-1'])
    expect(await ids({ pageSize: 1, page: 2 })).toEqual(['CPF-2'])
  })

  it('never finds another partner’s dossiers, even by their NIR', async () => {
    const res = await search('CDC', { nir: NIR_OTHER })
    expect(await res.json()).toEqual({ items: [], page: 1, pageSize: 20, hasMore: false })
  })

  it('refuses unknown fields and bad values with findings that never echo a NIR', async () => {
    const res = await search('CDC', { nir: `${NIR_SHARED}99X`, pageSize: 1000, where: '1=1' })
    expect(res.status).toBe(400)
    const text = await res.text()
    expect(text).not.toContain(NIR_SHARED)
    expect(JSON.parse(text).errors.map((e: any) => e.code)).toEqual([
      'search/unknown-field',
      'search/invalid-nir',
      'search/invalid-page-size',
    ])
  })

  it('refuses a search whose body is not said to be JSON, as /records does (415)', async () => {
    const sent = await Promise.all(
      ['text/plain', 'application/x-www-form-urlencoded', ''].map(async (type) => {
        const res = await fx.get('CDC', '/api/v1/dossiers/search', {
          method: 'POST',
          body: '{"name": "dup"}',
          ...(type ? { headers: { 'content-type': type } } : {}),
        })
        return [res.status, ((await res.json()) as { error: { code: string } }).error.code]
      }),
    )
    expect(sent).toEqual([
      [415, 'request/unsupported-media-type'],
      [415, 'request/unsupported-media-type'],
      [415, 'request/unsupported-media-type'],
    ])
  })

  it('reads page and pageSize as JSON numbers: 1e3 and 1.0 are integers, 2.5 is refused with the bounds', async () => {
    const raw = (text: string) =>
      fx.get('CDC', '/api/v1/dossiers/search', {
        method: 'POST',
        body: text,
        headers: { 'content-type': 'application/json' },
      })
    const taken = await raw('{"page": 1e3, "pageSize": 1.0}')
    const refused = await raw('{"page": 2.5}')
    expect([taken.status, await taken.json(), refused.status, await refused.json()]).toEqual([
      200,
      { items: [], page: 1000, pageSize: 1, hasMore: false },
      400,
      {
        errors: [
          {
            path: '/page',
            code: 'search/invalid-page',
            message: 'page 2.5 must be an integer from 1 to 100000',
          },
        ],
      },
    ])
  })

  it('treats injection strings in free fields as data, and refuses them as codes', async () => {
    for (const value of INJECTIONS) {
      const res = await search('OPCO', { id: value, name: value })
      const body = (await res.json()) as any
      // A NUL byte is refused as invalid text; everything else is searched for as data.
      const expected = value === '\u0000' ? [400, undefined] : [200, []]
      expect([value, res.status, body.items]).toEqual([value, ...expected])
      const coded = await search('OPCO', { status: value, dispositif: value })
      const codes = ((await coded.json()) as any).errors.map((e: any) => e.code)
      const refused =
        value === '\u0000'
          ? ['search/invalid-text', 'search/invalid-text']
          : ['search/unknown-status', 'search/unknown-dispositif']
      expect([value, coded.status, codes]).toEqual([value, 400, refused])
    }
  })

  it('refuses a body over 64 KiB (413): a search is a few fields', async () => {
    const res = await search('CDC', { name: 'x'.repeat(70_000) })
    expect([res.status, await res.json()]).toEqual([
      413,
      { error: { code: 'request/too-large', message: 'the body exceeds 65536 bytes' } },
    ])
  })

  it('answers a date the calendar lacks with 400 naming it, not a server error', async () => {
    const res = await search('CDC', { birthDate: '2024-02-30' })
    expect([res.status, await res.json()]).toEqual([
      400,
      {
        errors: [
          {
            path: '/birthDate',
            code: 'search/invalid-date',
            message: 'birthDate "2024-02-30" must be a date YYYY-MM-DD of the calendar',
          },
        ],
      },
    ])
  })
})

describe('GET /api/v1/changes', () => {
  it('shows what co-funders changed on the caller’s shared dossiers, with an opaque cursor', async () => {
    await fx.post(
      'R84',
      [
        {
          ...(await (await fx.get('R84', '/api/v1/dossiers/ARA-1')).json()).contributions[1].history[0]
            .payload,
        },
      ]
        .map((p) => ({ ...p, type: 'dossier', id: 'ARA-1', version: 2, status: 'SORTI', sharedWith: [] }))
        .map(withPerson),
    )
    await feedSettled(store.db)
    const first = (await (await fx.get('CDC', '/api/v1/changes')).json()) as any
    expect(first.changes.map((c: any) => [c.partner, c.record, c.version, c.yourRecords])).toEqual([
      ['R84', 'ARA-1', 1, ['CPF-1']],
      ['R84', 'ARA-1', 2, ['CPF-1']],
    ])
    const after = (await (
      await fx.get('CDC', `/api/v1/changes?since=${encodeURIComponent(first.next)}`)
    ).json()) as any
    expect(after.changes).toEqual([])
    const opco = (await (await fx.get('OPCO', '/api/v1/changes')).json()) as any
    expect(opco.changes).toEqual([])
  })

  it('refuses a misspelt cursor parameter instead of starting over from the first change', async () => {
    const res = await fx.get('CDC', '/api/v1/changes?sinse=abc')
    expect([res.status, await res.json()]).toEqual([
      400,
      {
        error: {
          code: 'changes/unknown-parameter',
          message: 'unknown query parameter "sinse": this route takes since (a cursor it gave you)',
        },
      },
    ])
  })

  it('refuses forged, edited and other partners’ cursors with 400', async () => {
    const cdcCursor = ((await (await fx.get('CDC', '/api/v1/changes')).json()) as any).next as string
    const forged = [
      'abc',
      `${Buffer.from('["1970-01-01T00:00:00Z",0,"",0]').toString('base64url')}.${cdcCursor.split('.')[1]}`,
      cdcCursor,
      ...INJECTIONS,
    ]
    for (const since of forged) {
      const res = await fx.get('OPCO', `/api/v1/changes?since=${encodeURIComponent(since)}`)
      expect([since, res.status, ((await res.json()) as any).error.code]).toEqual([
        since,
        400,
        'cursor/invalid',
      ])
    }
  })
})

function withPerson(p: Record<string, any>) {
  return { ...p, trainee: { ...p.trainee, nir: NIR_SHARED, birthName: 'DUPONT', firstNames: 'Marie' } }
}

describe('GET /api/v1/export.csv', () => {
  it('streams the caller’s records and its co-funders’ records of shared dossiers, nothing else', async () => {
    const res = await fx.get('CDC', '/api/v1/export.csv')
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    const lines = (await res.text()).trim().split('\n')
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 5))).toEqual([
      [expect.any(String), 'CDC', 'CPF-1', 'true', NIR_SHARED],
      ['', 'CDC', 'CPF-2', 'true', NIR_SHARED],
      [expect.any(String), 'R84', 'ARA-1', 'false', ''],
    ])
    const opco = await (await fx.get('OPCO', '/api/v1/export.csv')).text()
    expect(opco).not.toContain(NIR_SHARED)
    expect(opco).not.toContain('CPF-1')
  })
})

describe('GET /api/v1/referentials/{kind}', () => {
  it('answers searches and refuses other kinds, injection strings as data', async () => {
    const ok = await fx.get('OPCO', '/api/v1/referentials/organisms?q=%27%20or%201%3D1%20--')
    expect([ok.status, ((await ok.json()) as any).items]).toEqual([200, []])
    const bad = await fx.get('OPCO', '/api/v1/referentials/sngi')
    expect(bad.status).toBe(404)
    const page = await fx.get('OPCO', '/api/v1/referentials/catalogue?page=0')
    expect([page.status, await page.json()]).toEqual([
      400,
      {
        error: { code: 'referential/invalid-page', message: 'page "0" must be an integer from 1 to 100000' },
      },
    ])
  })

  it('refuses a parameter it does not take, so that a misspelt one never widens the answer', async () => {
    const res = await fx.get('OPCO', '/api/v1/referentials/organisms?query=formation')
    expect([res.status, await res.json()]).toEqual([
      400,
      {
        error: {
          code: 'referential/unknown-parameter',
          message: 'unknown query parameter "query": this route takes q, page and pageSize',
        },
      },
    ])
  })
})

describe('tokens', () => {
  it('answers 401 without a token, with an unknown one, and with a rotated (revoked) one', async () => {
    const none = await fx.app.request('/api/v1/dossiers/CPF-1')
    const unknown = await fx.app.request('/api/v1/dossiers/CPF-1', {
      headers: { authorization: 'Bearer psl_nope' },
    })
    const old = fx.partners.OPCO.token
    await rotateToken(store.db, fx.partners.OPCO.partner.id)
    const revoked = await fx.app.request('/api/v1/export.csv', {
      headers: { authorization: `Bearer ${old}` },
    })
    expect([none.status, unknown.status, revoked.status]).toEqual([401, 401, 401])
  })

  const EVERY_ROUTE: [string, RequestInit][] = [
    ['/api/v1/dossiers/CPF-1', {}],
    [
      '/api/v1/dossiers/search',
      { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } },
    ],
    ['/api/v1/changes', {}],
    ['/api/v1/export.csv', {}],
    ['/api/v1/export-cep.csv', {}],
    ['/api/v1/referentials/organisms', {}],
    ['/api/v1/records', { method: 'POST', body: '[]', headers: { 'content-type': 'application/json' } }],
    ['/api/v1/token', {}],
  ]
  const call = (path: string, init: RequestInit, token: string) =>
    fx.app.request(path, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` },
    })

  it('tell the caller, at GET /token, its partner and the token’s id, audit actor, issue and end, never the token', async () => {
    const added = await addPartner(store.db, { code: 'CEP1', name: 'Apec', kind: 'CEP' }, 90)
    const res = await call('/api/v1/token', {}, added.token)
    const [row] = await listTokens(store.db, added.partner.id)
    const body = await res.text()
    expect([res.status, JSON.parse(body), body.includes(added.token)]).toEqual([
      200,
      {
        partner: { code: 'CEP1', name: 'Apec', kind: 'CEP' },
        token: {
          id: added.tokenId,
          actor: `token:CEP1#${added.tokenId}`,
          issuedAt: row!.createdAt.toISOString(),
          expiresAt: added.expiresAt.toISOString(),
        },
      },
      false,
    ])
  })

  it('answers 401 auth/expired-token on every route once a token expired, saying when', async () => {
    const added = await addPartner(store.db, { code: 'AGE', name: 'Agefiph', kind: 'AGEFIPH' })
    await sql`update partner_token set expires_at = '2026-11-30T08:00:00Z' where id = ${added.tokenId}`.execute(
      store.db,
    )
    const answers = await Promise.all(
      EVERY_ROUTE.map(async ([path, init]) => {
        const res = await call(path, init, added.token)
        return [path, res.status, res.headers.get('www-authenticate'), await res.json()]
      }),
    )
    const expired = {
      error: {
        code: 'auth/expired-token',
        message:
          "the token expired on 2026-11-30T08:00:00.000Z; the hub's operator issues a new one (passerelle partners rotate-token)",
      },
    }
    const header = 'Bearer realm="passerelle", error="invalid_token", error_description="the token expired"'
    expect(answers).toEqual(EVERY_ROUTE.map(([path]) => [path, 401, header, expired]))
  })

  it('lets the previous token work through a rotation’s overlap, on every route, then refuses it as expired', async () => {
    const added = await addPartner(store.db, { code: 'TPRO', name: 'Transitions Pro', kind: 'TPRO' })
    const rotation = await rotateToken(store.db, added.partner.id, { overlapDays: 7 })
    const statuses = async (token: string) =>
      Promise.all(EVERY_ROUTE.map(async ([path, init]) => (await call(path, init, token)).status))
    const during = [await statuses(added.token), await statuses(rotation.token)]
    // Seven days later:
    await sql`update partner_token set expires_at = now() - interval '1 second' where id = ${added.tokenId}`.execute(
      store.db,
    )
    const after = await call('/api/v1/changes', {}, added.token)
    const ok = [404, 200, 200, 200, 200, 200, 200, 200]
    expect([...during, await after.json()]).toEqual([
      ok,
      ok,
      {
        error: {
          code: 'auth/expired-token',
          message: `the token expired on ${(await listTokens(store.db, added.partner.id))[0]!.expiresAt!.toISOString()}; the hub's operator issues a new one (passerelle partners rotate-token)`,
        },
      },
    ])
  })
})

describe('audit and logs', () => {
  it('logs every nominative read with partner, actor, route and dossiers', async () => {
    const rows = await listAudit(store.db, { partnerId: fx.partners.CDC.partner.id })
    expect(rows[0]).toEqual({
      at: expect.any(Date),
      partner: 'CDC',
      actor: `token:CDC#${fx.partners.CDC.tokenId}`,
      route: 'GET /api/v1/dossiers/{id}',
      // The caller's record, then the co-funder's it showed.
      dossiers: ['CPF-1', 'R84:ARA-1'],
    })
    expect(new Set(rows.map((r) => r.route))).toEqual(
      new Set([
        'GET /api/v1/dossiers/{id}',
        'POST /api/v1/dossiers/search',
        'GET /api/v1/changes',
        'GET /api/v1/export.csv',
      ]),
    )
  })

  it('names the token that read: two tokens of one partner are two actors', async () => {
    const first = fx.partners.R84
    expect((await fx.get('R84', '/api/v1/dossiers/ARA-1')).status).toBe(200)
    const second = await rotateToken(store.db, first.partner.id)
    const read = await fx.app.request('/api/v1/dossiers/ARA-1', {
      headers: { authorization: `Bearer ${second.token}` },
    })
    expect(read.status).toBe(200)
    const rows = await listAudit(store.db, { partnerId: first.partner.id })
    expect(rows.slice(-2).map((r) => [r.actor, r.route, r.dossiers])).toEqual([
      [`token:R84#${first.tokenId}`, 'GET /api/v1/dossiers/{id}', ['ARA-1', 'CDC:CPF-1']],
      [`token:R84#${second.tokenId}`, 'GET /api/v1/dossiers/{id}', ['ARA-1', 'CDC:CPF-1']],
    ])
    expect(second.tokenId).not.toBe(first.tokenId)
  })

  it('keeps who read a co-funder’s record after the link that showed it is gone', async () => {
    // OPCO names CDC's CPF-2 (a sharedWith may name any record, spec), reads it, then unlinks.
    const { token } = await rotateToken(store.db, fx.partners.OPCO.partner.id)
    const authorization = `Bearer ${token}`
    const other = {
      nir: NIR_OTHER,
      birthName: 'MARTIN',
      firstNames: 'Paul',
      sex: 'M',
      birthDate: '1990-02-01',
    }
    const claim = async (version: number, sharedWith: { partner: string; id: string }[]) => {
      const record = dossier({ id: 'OP-9', version, sharedWith, trainee: other, dispositif: 'PDC' })
      const res = await fx.app.request('/api/v1/records', {
        method: 'POST',
        body: JSON.stringify([record]),
        headers: { 'content-type': 'application/json', authorization },
      })
      return ((await res.json()) as { results: { outcome: string }[] }).results[0]?.outcome
    }
    expect(await claim(1, [{ partner: 'CDC', id: 'CPF-2' }])).toBe('created')
    const read = await fx.app.request('/api/v1/dossiers/OP-9', { headers: { authorization } })
    expect(read.status).toBe(200)
    expect(await claim(2, [])).toBe('updated')
    const reads = await listAudit(store.db, {
      dossier: { partnerId: fx.partners.CDC.partner.id, recordId: 'CPF-2' },
    })
    expect(reads.filter((r) => r.partner === 'OPCO').map((r) => [r.route, r.dossiers])).toEqual([
      ['GET /api/v1/dossiers/{id}', ['OP-9', 'CDC:CPF-2']],
    ])
  })

  it('wrote no NIR to any log line', () => {
    expect(logged.filter((l) => l.includes(NIR_SHARED) || l.includes(NIR_OTHER))).toEqual([])
  })
})
