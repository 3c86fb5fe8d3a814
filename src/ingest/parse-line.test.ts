import { describe, expect, it } from 'vitest'
import { dossier } from '../../test/fixtures.ts'
import { TOO_LONG_LINE } from '../lib/lines.ts'
import { loadCodeLists } from '../reference/code-lists.ts'
import { parseLine, validateRaw } from './parse-line.ts'

const context = { codes: await loadCodeLists(), today: '2026-11-28' }

describe('parseLine', () => {
  it('reports malformed JSON without quoting the line (it may hold a NIR)', () => {
    const line = JSON.stringify(dossier()).replace('"2850575056048"', "'2850575056048'")
    const result = parseLine(line, context)
    expect(result).toEqual({
      ok: false,
      type: null,
      id: null,
      errors: [
        {
          path: '',
          code: 'record/invalid-json',
          message: "the line is not valid JSON (Unexpected token ''')",
        },
      ],
    })
    // The rule broken and where, without the text around it.
    const nir = '{"trainee":{"nir":"2850575056048" "sex":"F"}}'
    expect(parseLine(nir, context)).toMatchObject({
      errors: [
        {
          path: '',
          code: 'record/invalid-json',
          message: "the line is not valid JSON (Expected ',' or '}' after property value at position 34)",
        },
      ],
    })
    const short = parseLine('nir 2850575056048', context)
    expect(JSON.stringify(short)).not.toContain('285057505')
    expect(parseLine('{"a":', context)).toMatchObject({
      errors: [{ message: 'the line is not valid JSON (Unexpected end of JSON input)' }],
    })
  })

  it('refuses a line its reader found too long to keep', () => {
    expect(parseLine(TOO_LONG_LINE, context)).toEqual({
      ok: false,
      type: null,
      id: null,
      errors: [
        {
          path: '',
          code: 'record/too-long',
          message: 'the line is longer than 1,048,576 bytes, far more than any record: it was not read',
        },
      ],
    })
  })

  it('rejects text PostgreSQL cannot store, as a finding naming the field', () => {
    const surrogate = JSON.stringify(dossier()).replace('"Marie"', '"Marie\\ud800"')
    expect(parseLine(surrogate, context)).toEqual({
      ok: false,
      type: 'dossier',
      id: 'CPF-2024-000123',
      errors: [
        {
          path: '/trainee/firstNames',
          code: 'record/invalid-unicode',
          message:
            '/trainee/firstNames contains an unpaired UTF-16 surrogate (an escape such as \\ud800 without its pair), which is not text',
        },
      ],
    })
    expect(validateRaw(dossier({ training: { title: 'a\u0000b' } }), context)).toMatchObject({
      ok: false,
      errors: [{ path: '/training/title', code: 'record/nul-character' }],
    })
    expect(
      parseLine(JSON.stringify(dossier({ trainee: { firstNames: 'Zoë \ud83d\ude00' } })), context).ok,
    ).toBe(true)
  })

  it('refuses a value nested far deeper than any record with a finding, before any walk over it overflows the stack', () => {
    const deep = `[${'['.repeat(50_000)}${']'.repeat(50_000)}]`
    const nested = JSON.parse(deep)
    const record = { ...dossier(), training: { ...dossier().training, formacode: nested } }
    const result = validateRaw(record, context)
    expect(result).toMatchObject({
      ok: false,
      type: 'dossier',
      id: 'CPF-2024-000123',
      errors: [{ code: 'record/too-deep', path: `/training/formacode${'/0'.repeat(31)}` }],
    })
    expect(validateRaw(nested, context)).toMatchObject({ ok: false, errors: [{ code: 'record/too-deep' }] })
  })

  it('accepts versions up to the largest exact integer, and refuses larger ones', () => {
    expect(parseLine(JSON.stringify(dossier({ version: 1732780800000 })), context).ok).toBe(true)
    expect(parseLine(JSON.stringify(dossier({ version: 2 ** 53 })), context)).toMatchObject({
      ok: false,
      errors: [{ path: '/version', code: 'record/maximum' }],
    })
  })
})
