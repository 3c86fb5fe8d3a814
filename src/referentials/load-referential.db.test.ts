import { createHash } from 'node:crypto'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { nir15 } from '../../test/fixtures.ts'
import { openTestStore, type TestStore } from '../../test/store.ts'
import { personKey } from '../ingest/person-key.ts'
import type { ReferentialKind } from './kinds.ts'
import { type LoadOptions, loadReferential } from './load-referential.ts'
import { listReferentialLoads } from './referential.repository.ts'

const SECRET = 'test-secret'
let store: TestStore
let dir: string

beforeAll(async () => {
  store = await openTestStore()
  dir = mkdtempSync(join(tmpdir(), 'passerelle-referentials-'))
})
afterAll(() => store.dispose())

function file(name: string, lines: readonly string[]): string {
  const path = join(dir, name)
  writeFileSync(path, `${lines.join('\n')}\n`)
  return path
}

function load(kind: ReferentialKind, path: string, options: Partial<LoadOptions> = {}) {
  return loadReferential(store.db, { kind, path, secret: SECRET, ...options })
}

const ORGANISMS = 'siret,nda,name,commune,qualiopi'
const organismA = '98765432100015,11755406975,Form Plus,75056,true'
const organismB = '12345678000014,,"Lycée Ampère, GRETA",,false'
const organismC = '35600000000001,11690000001,La Poste Formation,69123,true'

async function organisms() {
  return store.db.selectFrom('organism').selectAll().orderBy('siret').execute()
}

describe('loading each kind', () => {
  it('loads organisms, whole rows, and records the load with the file hash', async () => {
    const path = file('organisms.csv', [ORGANISMS, organismA, organismB])
    expect(await load('organisms', path)).toEqual({
      ok: true,
      kind: 'organisms',
      rows: 2,
      errors: [],
      errorCount: 0,
      invalidLines: 0,
    })
    expect(await organisms()).toEqual([
      { siret: '12345678000014', nda: null, name: 'Lycée Ampère, GRETA', commune: null, qualiopi: false },
      { siret: '98765432100015', nda: '11755406975', name: 'Form Plus', commune: '75056', qualiopi: true },
    ])
    const sha = createHash('sha256').update(`${ORGANISMS}\n${organismA}\n${organismB}\n`).digest('hex')
    const loads = await listReferentialLoads(store.db)
    expect(loads.find((l) => l.kind === 'organisms')).toMatchObject({
      kind: 'organisms',
      file: 'organisms.csv',
      fileSha256: sha,
      rows: 2,
    })
  })

  it('loads certifications, columns in any order', async () => {
    const path = file('certifications.csv', [
      'type,code,title,level,nsf,active_from,active_to',
      'RNCP,RNCP37674,Développeur web,5,326t,2023-06-01,2028-06-01',
      'RS,RS5678,Habilitation électrique,,,,',
    ])
    expect(await load('certifications', path)).toMatchObject({ ok: true, rows: 2 })
    expect(await store.db.selectFrom('certification').selectAll().orderBy('code').execute()).toEqual([
      {
        code: 'RNCP37674',
        type: 'RNCP',
        title: 'Développeur web',
        level: 5,
        nsf: '326t',
        active_from: '2023-06-01',
        active_to: '2028-06-01',
      },
      {
        code: 'RS5678',
        type: 'RS',
        title: 'Habilitation électrique',
        level: null,
        nsf: null,
        active_from: null,
        active_to: null,
      },
    ])
  })

  it('loads the catalogue', async () => {
    const path = file('catalogue.csv', [
      'offer_ref,siret,certification_code,formacode,commune,modality,hours,price',
      '14_AF_1,98765432100015,RNCP37674,31054,69123,MIXTE,700,8450.50',
      '14_AF_2,12345678000014,,,,,,',
    ])
    expect(await load('catalogue', path)).toMatchObject({ ok: true, rows: 2 })
    expect(await store.db.selectFrom('catalogue_offer').selectAll().orderBy('offer_ref').execute()).toEqual([
      {
        offer_ref: '14_AF_1',
        siret: '98765432100015',
        certification_code: 'RNCP37674',
        formacode: '31054',
        commune: '69123',
        modality: 'MIXTE',
        hours: 700,
        price: 8450.5,
      },
      {
        offer_ref: '14_AF_2',
        siret: '12345678000014',
        certification_code: null,
        formacode: null,
        commune: null,
        modality: null,
        hours: null,
        price: null,
      },
    ])
  })

  it('loads the SNGI under person keys, with no NIR and no first names', async () => {
    const path = file('sngi.csv', [
      'nir,birth_name,first_names,birth_date,sex',
      `${nir15('2850575056048')},Dupont-Lefèvre,Marie Anne,1985-05-14,F`,
      '1900199123456,Martin,Paul,1990-01-31,M',
    ])
    expect(await load('sngi', path)).toEqual({
      ok: true,
      kind: 'sngi',
      rows: 2,
      errors: [],
      errorCount: 0,
      invalidLines: 0,
      certified: 0,
    })
    expect(await store.db.selectFrom('sngi_identity').selectAll().orderBy('birth_date').execute()).toEqual([
      {
        person_key: personKey(SECRET, '2850575056048'),
        birth_name_norm: 'DUPONT-LEFEVRE',
        birth_date: '1985-05-14',
        sex: 'F',
      },
      {
        person_key: personKey(SECRET, '1900199123456'),
        birth_name_norm: 'MARTIN',
        birth_date: '1990-01-31',
        sex: 'M',
      },
    ])
    await expectNoNir('sngi_identity', ['2850575056048', '1900199123456', 'Marie', 'Paul'])
  })

  it('loads DSN contracts under person keys, one row per line, with no NIR', async () => {
    const path = file('dsn.csv', [
      'nir,employer_siret,naf,contract_type,start_date,end_date,hours_ratio',
      '1900199123456,12345678000014,6201Z,CDD,2024-07-01,2024-12-31,0.8',
      '1900199123456,98765432100015,,CDI,2025-01-06,,',
    ])
    expect(await load('dsn', path)).toMatchObject({ ok: true, kind: 'dsn', rows: 2 })
    expect(await store.db.selectFrom('dsn_contract').selectAll().orderBy('line').execute()).toEqual([
      {
        person_key: personKey(SECRET, '1900199123456'),
        line: 2,
        employer_siret: '12345678000014',
        naf: '6201Z',
        contract_type: 'CDD',
        start_date: '2024-07-01',
        end_date: '2024-12-31',
        hours_ratio: 0.8,
      },
      {
        person_key: personKey(SECRET, '1900199123456'),
        line: 3,
        employer_siret: '98765432100015',
        naf: null,
        contract_type: 'CDI',
        start_date: '2025-01-06',
        end_date: null,
        hours_ratio: null,
      },
    ])
    await expectNoNir('dsn_contract', ['1900199123456'])
  })
})

async function expectNoNir(table: string, secrets: readonly string[]) {
  const rows = await sql<{
    text: string
  }>`select row_to_json(t)::text as text from ${sql.table(table)} t`.execute(store.db)
  expect(rows.rows.length).toBeGreaterThan(0)
  for (const { text } of rows.rows) for (const s of secrets) expect(text).not.toContain(s)
}

describe('atomic replace', () => {
  it('replaces the previous load with a second one', async () => {
    await load('organisms', file('first.csv', [ORGANISMS, organismA, organismB]))
    expect(await load('organisms', file('second.csv', [ORGANISMS, organismC]))).toMatchObject({
      ok: true,
      rows: 1,
    })
    expect((await organisms()).map((o) => o.siret)).toEqual(['35600000000001'])
    expect((await listReferentialLoads(store.db)).find((l) => l.kind === 'organisms')).toMatchObject({
      file: 'second.csv',
      rows: 1,
    })
  })

  it('keeps the previous load when a bad line comes after chunks were inserted', async () => {
    await load('organisms', file('good.csv', [ORGANISMS, organismA, organismB]))
    const before = await organisms()
    const lines = [ORGANISMS, organismC, '12345678000022,,A,,true', '12345678000030,,B,,true', '123,,C,,true']
    const result = await load('organisms', file('bad.csv', lines), { chunkSize: 2 })
    expect(result).toEqual({
      ok: false,
      kind: 'organisms',
      rows: 0,
      errors: [
        {
          path: 'line 5, column siret',
          code: 'referential/invalid-siret',
          message: 'siret "123" fails the Luhn check (14 digits, Luhn; La Poste: digit sum divisible by 5)',
        },
      ],
      errorCount: 1,
      invalidLines: 1,
    })
    expect(await organisms()).toEqual(before)
    expect((await listReferentialLoads(store.db)).find((l) => l.kind === 'organisms')?.file).toBe('good.csv')
  })

  it('lists every bad line, up to the cap, and counts them all', async () => {
    const lines = [ORGANISMS, organismA, '1,,A,,true', '2,,B,,yes', organismC, '4,,,,true']
    const result = await load('organisms', file('many.csv', lines), { maxFindings: 3 })
    expect(result.ok).toBe(false)
    expect(result.errorCount).toBe(5)
    expect(result.invalidLines).toBe(3)
    expect(result.errors.map((e) => `${e.path} ${e.code}`)).toEqual([
      'line 3, column siret referential/invalid-siret',
      'line 4, column siret referential/invalid-siret',
      'line 4, column qualiopi referential/invalid-boolean',
    ])
  })

  it('loads the valid lines with skipInvalid and reports the others', async () => {
    const lines = [ORGANISMS, organismA, '1,,A,,true', organismC]
    const result = await load('organisms', file('skip.csv', lines), { skipInvalid: true })
    expect(result).toMatchObject({ ok: true, rows: 2, errorCount: 1, invalidLines: 1 })
    expect(result.errors[0]?.path).toBe('line 3, column siret')
    expect((await organisms()).map((o) => o.siret)).toEqual(['35600000000001', '98765432100015'])
  })

  it('loads nothing with skipInvalid when no line is valid', async () => {
    await load('organisms', file('keep.csv', [ORGANISMS, organismA]))
    const result = await load('organisms', file('none.csv', [ORGANISMS, '1,,A,,true']), { skipInvalid: true })
    expect(result.ok).toBe(false)
    expect(result.errors.map((e) => e.code)).toEqual([
      'referential/no-valid-line',
      'referential/invalid-siret',
    ])
    expect((await organisms()).map((o) => o.siret)).toEqual(['98765432100015'])
  })
})

describe('file-level findings', () => {
  it('rejects duplicate keys, within a chunk and across chunks', async () => {
    const lines = [ORGANISMS, organismA, organismB, organismA, organismC, organismB]
    const result = await load('organisms', file('dup.csv', lines), { chunkSize: 2 })
    expect(result.ok).toBe(false)
    expect(result.errors).toEqual([
      {
        path: 'line 4, column siret',
        code: 'referential/duplicate-key',
        message: 'siret "98765432100015" is on an earlier line too (one line per siret)',
      },
      {
        path: 'line 6, column siret',
        code: 'referential/duplicate-key',
        message: 'siret "12345678000014" is on an earlier line too (one line per siret)',
      },
    ])
  })

  it('keeps the first of duplicates with skipInvalid', async () => {
    const lines = [ORGANISMS, organismA, '98765432100015,,Other name,,false']
    expect(await load('organisms', file('dup-skip.csv', lines), { skipInvalid: true })).toMatchObject({
      ok: true,
      rows: 1,
      errorCount: 1,
    })
    expect((await organisms())[0]?.name).toBe('Form Plus')
  })

  it('rejects an SNGI NIR given twice (with and without key) without showing it', async () => {
    const lines = [
      'nir,birth_name,first_names,birth_date,sex',
      '2850575056048,Dupont,Marie,1985-05-14,F',
      `${nir15('2850575056048')},Durand,Marie,1985-05-14,F`,
    ]
    expect((await load('sngi', file('sngi-dup.csv', lines))).errors).toEqual([
      {
        path: 'line 3, column nir',
        code: 'referential/duplicate-key',
        message: 'nir is on an earlier line too (one line per nir)',
      },
    ])
  })

  it('rejects a header with unknown or missing columns without reading further', async () => {
    const result = await load('organisms', file('header.csv', ['siret,nda,name,town,qualiopi', organismA]))
    expect(result).toMatchObject({ ok: false, rows: 0, errorCount: 2 })
    expect(result.errors).toEqual([
      {
        path: 'line 1, column town',
        code: 'referential/unknown-column',
        message: 'unknown column "town" (expected siret,nda,name,commune,qualiopi, in any order)',
      },
      {
        path: 'line 1',
        code: 'referential/missing-column',
        message: 'the header lacks column commune (expected siret,nda,name,commune,qualiopi, in any order)',
      },
    ])
  })

  it('rejects an empty file, a line with a wrong field count, a malformed CSV and a missing file', async () => {
    expect((await load('organisms', file('empty.csv', []))).errors).toEqual([
      {
        path: 'line 1',
        code: 'referential/empty-file',
        message: 'the file is empty (expected a header: siret,nda,name,commune,qualiopi)',
      },
    ])
    expect((await load('organisms', file('count.csv', [ORGANISMS, `${organismA},extra`]))).errors).toEqual([
      { path: 'line 2', code: 'referential/field-count', message: '6 fields where the header has 5' },
    ])
    const malformed = await load(
      'organisms',
      file('quote.csv', [ORGANISMS, organismA, '"12345678000014,,A,,true']),
    )
    expect(malformed.errors).toEqual([
      {
        path: 'line 3',
        code: 'referential/malformed-csv',
        message: 'the CSV cannot be read from here: a quoted field is never closed (CSV_QUOTE_NOT_CLOSED)',
      },
    ])
    // An NDJSON file given by mistake.
    expect(
      (await load('organisms', file('feed.ndjson', ['{"type":"dossier","id":"A"}', '{"type":"dossier"}'])))
        .errors,
    ).toEqual([
      {
        path: 'line 1',
        code: 'referential/malformed-csv',
        message:
          'the CSV cannot be read from here: a quote opens in the middle of a field (is it a CSV file?) (INVALID_OPENING_QUOTE)',
      },
    ])
    expect((await load('organisms', join(dir, 'missing.csv'))).errors).toEqual([
      { path: 'file', code: 'referential/unreadable-file', message: 'the file cannot be read (ENOENT)' },
    ])
    writeFileSync(join(dir, 'organisms.csv.gz'), gzipSync(`${ORGANISMS}\n`))
    expect((await load('organisms', join(dir, 'organisms.csv.gz'))).errors).toEqual([
      {
        path: 'file',
        code: 'referential/archive',
        message: 'the file is a gzip archive, not a CSV file: extract it first',
      },
    ])
  })

  it('needs the secret for sngi and dsn', async () => {
    const path = file('no-secret.csv', ['nir,birth_name,first_names,birth_date,sex'])
    expect(await load('sngi', path, { secret: null })).toEqual({
      ok: false,
      kind: 'sngi',
      rows: 0,
      errors: [
        {
          path: 'secret',
          code: 'referential/secret-required',
          message: 'sngi needs the hub secret (PASSERELLE_SECRET) to turn each nir into a person key',
        },
      ],
      errorCount: 1,
      invalidLines: 0,
    })
  })

  it('never puts a NIR, a name or a birth date in a message', async () => {
    const nir = '2850575056048'
    const lines = [
      'nir,birth_name,first_names,birth_date,sex',
      `${nir}99,Dupont,Marie,1985-05-14,X`,
      `${nir},Dupont,Marie,14/05/1985,F`,
      `${nir.slice(0, 12)},,Marie,1985-05-14,F`,
    ]
    const result = await load('sngi', file('sngi-bad.csv', lines))
    expect(result.errorCount).toBe(5)
    const text = JSON.stringify(result.errors)
    for (const secret of [nir, nir.slice(0, 12), 'Dupont', 'Marie', '14/05/1985'])
      expect(text).not.toContain(secret)
  })

  it('refuses a file with its header and no data line when asked to, keeping the previous load', async () => {
    await load('organisms', file('kept.csv', [ORGANISMS, organismA]))
    const headerOnly = file('header-only.csv', [ORGANISMS])
    for (const skipInvalid of [false, true])
      expect(await load('organisms', headerOnly, { refuseEmpty: true, skipInvalid })).toEqual({
        ok: false,
        kind: 'organisms',
        rows: 0,
        errors: [
          {
            path: 'file',
            code: 'referential/no-data-line',
            message:
              'the file has its header and no data line: loading it would empty the organisms referential (nothing was changed; to empty it on purpose, load it with --allow-empty)',
          },
        ],
        errorCount: 1,
        invalidLines: 0,
      })
    expect((await organisms()).map((o) => o.siret)).toEqual(['98765432100015'])
    expect((await listReferentialLoads(store.db)).find((l) => l.kind === 'organisms')?.file).toBe('kept.csv')
    // Not asked to refuse (the operator's --allow-empty): the referential is emptied.
    expect(await load('organisms', headerOnly)).toMatchObject({ ok: true, rows: 0, errorCount: 0 })
    expect(await organisms()).toEqual([])
  })

  it('refuses a line that is not UTF-8 as a finding naming the line (a Windows-1252 file), rather than storing U+FFFD', async () => {
    await load('organisms', file('kept-utf8.csv', [ORGANISMS, organismA]))
    const path = join(dir, 'windows-1252.csv')
    writeFileSync(
      path,
      Buffer.from(`${ORGANISMS}\n${organismC}\n12345678000014,,Lyc\u00e9e Amp\u00e8re,,false\n`, 'latin1'),
    )
    const lineFinding = {
      path: 'line 3',
      code: 'referential/invalid-utf8',
      message:
        'the line is not valid UTF-8 (byte 0xE9 at byte 20 of the line): the file must be UTF-8; one saved as Windows-1252 or Latin-1 needs converting first (iconv -f WINDOWS-1252 -t UTF-8)',
    }
    expect(await load('organisms', path)).toEqual({
      ok: false,
      kind: 'organisms',
      rows: 0,
      errors: [lineFinding],
      errorCount: 1,
      invalidLines: 1,
    })
    expect((await organisms()).map((o) => o.siret)).toEqual(['98765432100015'])
    // With skipInvalid, the line is skipped like any bad line; a real U+FFFD in a UTF-8 file is text.
    expect(await load('organisms', path, { skipInvalid: true })).toMatchObject({
      ok: true,
      rows: 1,
      errors: [lineFinding],
    })
    const replacement = file('replacement.csv', [ORGANISMS, '12345678000014,,Caf\uFFFD,,false'])
    expect(await load('organisms', replacement)).toMatchObject({ ok: true, rows: 1, errorCount: 0 })
    expect((await organisms())[0]?.name).toBe('Caf\uFFFD')
  })
})
