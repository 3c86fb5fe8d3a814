import type { Insertable } from 'kysely'
import type { OrganismTable } from '../db/database.ts'
import type { ReferentialSpec } from './spec.ts'

/**
 * `organisms`: `siret,nda,name,commune,qualiopi`, the public list of training organisms. SIRET
 * (Luhn) required and unique, NDA 11 digits or empty, name required, commune an INSEE code or
 * empty, qualiopi `true`/`false`.
 */
export const organismsSpec: ReferentialSpec<Insertable<OrganismTable>> = {
  kind: 'organisms',
  noun: 'organisms',
  header: ['siret', 'nda', 'name', 'commune', 'qualiopi'],
  table: 'organism',
  columns: { siret: 'text', nda: 'text', name: 'text', commune: 'text', qualiopi: 'boolean' },
  unique: { column: 'siret', csvColumn: 'siret', showValue: true },
  privateColumns: new Set(),
  needsSecret: false,
  parse(c, context) {
    const row = {
      siret: c.siret('siret'),
      nda: c.pattern('nda', /^[0-9]{11}$/, 'invalid-nda', '11 digits', true),
      name: c.required('name'),
      commune: c.commune('commune', context.communes),
      qualiopi: c.boolean('qualiopi'),
    }
    return c.ok ? row : null
  },
}
