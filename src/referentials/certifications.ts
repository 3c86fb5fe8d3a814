import type { Insertable } from 'kysely'
import type { CertificationTable } from '../db/database.ts'
import type { ReferentialSpec } from './spec.ts'

const CODE = /^(RNCP|RS)[0-9]{3,6}$/
const NSF = /^[0-9]{3}[a-z]?$/

/**
 * `certifications`: `code,type,title,level,nsf,active_from,active_to`, the RNCP/RS register. The
 * code is RNCP or RS and 3 to 6 digits, prefixed by its type, and unique; level 1–8, NSF and dates
 * may be empty; a validity period does not end before it starts.
 */
export const certificationsSpec: ReferentialSpec<Insertable<CertificationTable>> = {
  kind: 'certifications',
  noun: 'certifications',
  header: ['code', 'type', 'title', 'level', 'nsf', 'active_from', 'active_to'],
  table: 'certification',
  columns: {
    code: 'text',
    type: 'text',
    title: 'text',
    level: 'integer',
    nsf: 'text',
    active_from: 'date',
    active_to: 'date',
  },
  unique: { column: 'code', csvColumn: 'code', showValue: true },
  privateColumns: new Set(),
  needsSecret: false,
  parse(c) {
    const code =
      c.pattern('code', CODE, 'invalid-certification-code', 'RNCP or RS followed by 3 to 6 digits') ?? ''
    const type = c.oneOf('type', ['RNCP', 'RS'], 'invalid-certification-type', 'RNCP or RS') ?? ''
    if (c.ok && !code.startsWith(type)) {
      c.fail('code', 'code-type-mismatch', `${c.show('code')} does not start with its type ${type}`)
    }
    const level = c.pattern('level', /^[1-8]$/, 'invalid-level', 'a certification level (1 to 8)', true)
    const activeFrom = c.date('active_from', true)
    const activeTo = c.date('active_to', true)
    c.notBefore('active_to', activeTo, 'active_from', activeFrom)
    const row = {
      code,
      type,
      title: c.required('title'),
      level: level === null ? null : Number(level),
      nsf: c.pattern(
        'nsf',
        NSF,
        'invalid-nsf',
        'an NSF code (3 digits, optionally a lowercase letter)',
        true,
      ),
      active_from: activeFrom,
      active_to: activeTo,
    }
    return c.ok ? row : null
  },
}
