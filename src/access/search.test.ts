import { describe, expect, it } from 'vitest'
import { parseDossierQuery, type SearchVocabulary } from './search.ts'

const vocabulary: SearchVocabulary = { dispositifs: new Map([['CPF', 'Compte personnel de formation']]) }

describe('parseDossierQuery', () => {
  it('keeps a valid search, with the default page', () => {
    const body = {
      name: 'Dupont',
      status: 'SORTI',
      dispositif: 'CPF',
      birthDate: '2000-02-29',
      nir: '1 85 05 75 123 456',
    }
    expect(parseDossierQuery(body, vocabulary)).toEqual({
      query: {
        name: 'Dupont',
        status: 'SORTI',
        dispositif: 'CPF',
        birthDate: '2000-02-29',
        nir: '1850575123456',
        page: 1,
        pageSize: 20,
      },
    })
  })

  it('refuses every bad field at once, quoting the value it refuses', () => {
    const body = {
      status: 'BAD',
      dispositif: 'XYZ',
      startFrom: '2024-02-30',
      exitTo: 20240101,
      page: 0,
      pageSize: '10',
      order: 'id',
    }
    expect(parseDossierQuery(body, vocabulary)).toEqual({
      errors: [
        {
          path: '/order',
          code: 'search/unknown-field',
          message:
            'unknown search field "order" (the fields are id, name, status, dispositif, nir, birthDate, startFrom, startTo, exitFrom, exitTo, page, pageSize)',
        },
        {
          path: '/status',
          code: 'search/unknown-status',
          message: 'status "BAD" is not a dossier status (ACCEPTE, ENTRE, SORTI, ANNULE)',
        },
        {
          path: '/dispositif',
          code: 'search/unknown-dispositif',
          message:
            'dispositif "XYZ" is not in the code list of dispositifs (reference/codes/dispositifs.csv)',
        },
        {
          path: '/startFrom',
          code: 'search/invalid-date',
          message: 'startFrom "2024-02-30" must be a date YYYY-MM-DD of the calendar',
        },
        {
          path: '/exitTo',
          code: 'search/invalid-date',
          message: 'exitTo 20240101 must be a date YYYY-MM-DD of the calendar',
        },
        { path: '/page', code: 'search/invalid-page', message: 'page 0 must be an integer from 1 to 100000' },
        {
          path: '/pageSize',
          code: 'search/invalid-page-size',
          message: 'pageSize "10" must be an integer from 1 to 100',
        },
      ],
    })
  })

  it('never quotes a NIR or a name it refuses', () => {
    const nir = '185057512345699X'
    const name = `Dupont${'\u0001'}`
    const result = parseDossierQuery({ nir, name }, vocabulary)
    expect(result).toEqual({
      errors: [
        {
          path: '/name',
          code: 'search/invalid-text',
          message: 'name must be a string of 1 to 100 characters, none of them a control character',
        },
        {
          path: '/nir',
          code: 'search/invalid-nir',
          message:
            'nir does not have the shape of a NIR (13 characters, or 15 with the key: 1, 2, 3, 7 or 8, year, month, département, commune, order)',
        },
      ],
    })
  })

  it('takes every NIR the spec allows (sex 3, 7 or 8 too), and masks one given as a page', () => {
    const found = ['3850575056048', '777044708010029', '8850575056048'].map(
      (nir) => (parseDossierQuery({ nir }, vocabulary) as { query?: { nir?: string } }).query?.nir,
    )
    expect(found).toEqual(['3850575056048', '7770447080100', '8850575056048'])
    expect(parseDossierQuery({ page: '185057800608436' }, vocabulary)).toEqual({
      errors: [
        {
          path: '/page',
          code: 'search/invalid-page',
          message: 'page "[NIR]" must be an integer from 1 to 100000',
        },
      ],
    })
  })

  it('refuses a NIR whose key does not match it, and a period that ends before it starts', () => {
    expect(
      parseDossierQuery(
        {
          nir: '194038313352699',
          startFrom: '2026-03-01',
          startTo: '2026-01-01',
          exitFrom: '2026-01-01',
          exitTo: '2026-01-01',
        },
        vocabulary,
      ),
    ).toEqual({
      errors: [
        {
          path: '/nir',
          code: 'search/invalid-nir-key',
          message:
            'nir has a key (its last two digits) that does not match its first 13 characters: a typo? (97 − the 13-digit number mod 97)',
        },
        {
          path: '/startTo',
          code: 'search/empty-period',
          message: 'startTo 2026-01-01 is before startFrom 2026-03-01: no date is in that period',
        },
      ],
    })
  })

  it('takes a page and a page size that JSON reads as integers within bounds, whatever their spelling', () => {
    // JSON.parse keeps no spelling: 1e3 is 1000 and 1.0 is 1, as a JSON number they are integers.
    const bodies = ['{"page": 1e3, "pageSize": 1.0}', '{"page": 100000, "pageSize": 100}', '{"page": 1}']
    expect(bodies.map((text) => parseDossierQuery(JSON.parse(text), vocabulary))).toEqual([
      { query: { page: 1000, pageSize: 1 } },
      { query: { page: 100000, pageSize: 100 } },
      { query: { page: 1, pageSize: 20 } },
    ])
  })

  it('refuses a fractional page or page size, and one out of bounds, naming the value and the bounds', () => {
    const bodies = [
      '{"page": 1.5, "pageSize": 0.5}',
      '{"page": 100001, "pageSize": 101}',
      '{"page": -1, "pageSize": 1e2, "name": "x"}',
      '{"page": 1e400, "pageSize": -1e400}',
    ]
    const page = (value: string) => ({
      path: '/page',
      code: 'search/invalid-page',
      message: `page ${value} must be an integer from 1 to 100000`,
    })
    const pageSize = (value: string) => ({
      path: '/pageSize',
      code: 'search/invalid-page-size',
      message: `pageSize ${value} must be an integer from 1 to 100`,
    })
    expect(bodies.map((text) => parseDossierQuery(JSON.parse(text), vocabulary))).toEqual([
      { errors: [page('1.5'), pageSize('0.5')] },
      { errors: [page('100001'), pageSize('101')] },
      { errors: [page('-1')] },
      // A number beyond a double's range parses as Infinity: named so, never as null.
      { errors: [page('Infinity'), pageSize('-Infinity')] },
    ])
  })

  it('masks a NIR typed into another field, or as a field’s name, where it quotes the value', () => {
    const result = parseDossierQuery(
      { status: '2850575056048', birthDate: '2 85 05 75 056 048 45', '185057512345699': 'x' },
      vocabulary,
    )
    expect(result).toEqual({
      errors: [
        {
          path: '/[NIR]',
          code: 'search/unknown-field',
          message: expect.stringMatching(/^unknown search field "\[NIR\]" \(the fields are /),
        },
        {
          path: '/status',
          code: 'search/unknown-status',
          message: 'status "[NIR]" is not a dossier status (ACCEPTE, ENTRE, SORTI, ANNULE)',
        },
        {
          path: '/birthDate',
          code: 'search/invalid-date',
          message: 'birthDate "[NIR]" must be a date YYYY-MM-DD of the calendar',
        },
      ],
    })
  })

  it('cuts a long quoted value to 40 characters', () => {
    const result = parseDossierQuery({ status: 'S'.repeat(90) }, vocabulary)
    expect(result).toEqual({
      errors: [
        {
          path: '/status',
          code: 'search/unknown-status',
          message: `status "${'S'.repeat(38)}… is not a dossier status (ACCEPTE, ENTRE, SORTI, ANNULE)`,
        },
      ],
    })
  })
})
