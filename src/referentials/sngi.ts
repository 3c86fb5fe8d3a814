import type { Insertable } from 'kysely'
import type { SngiIdentityTable } from '../db/database.ts'
import { normalizeName, personKey } from '../ingest/person-key.ts'
import type { ReferentialSpec } from './spec.ts'

/**
 * `sngi`: `nir,birth_name,first_names,birth_date,sex`, the national identity register. Stores
 * what certification compares, never the NIR: the person key (HMAC of NIR13), the normalised
 * birth name, the birth date and the sex. One line per NIR; first names are read, not kept.
 */
export const sngiSpec: ReferentialSpec<Insertable<SngiIdentityTable>> = {
  kind: 'sngi',
  noun: 'SNGI identities',
  header: ['nir', 'birth_name', 'first_names', 'birth_date', 'sex'],
  table: 'sngi_identity',
  columns: { person_key: 'text', birth_name_norm: 'text', birth_date: 'date', sex: 'text' },
  unique: { column: 'person_key', csvColumn: 'nir', showValue: false },
  privateColumns: new Set(['nir', 'birth_name', 'first_names', 'birth_date']),
  needsSecret: true,
  parse(c, context) {
    const nir13 = c.nir('nir')
    const birthName = c.required('birth_name')
    const row = {
      person_key: nir13 === '' ? '' : personKey(context.secret, nir13),
      birth_name_norm: normalizeName(birthName),
      birth_date: c.date('birth_date') ?? '',
      sex: c.oneOf('sex', ['F', 'M'], 'invalid-sex', 'F or M') ?? '',
    }
    return c.ok ? row : null
  },
}
