import type { Insertable } from 'kysely'
import type { DsnContractTable } from '../db/database.ts'
import { personKey } from '../ingest/person-key.ts'
import type { ReferentialSpec } from './spec.ts'

/** Contract types of the DSN referential (spec/README.md, "Referentials"). */
export const CONTRACT_TYPES = ['CDI', 'CDD', 'INTERIM', 'APPRENTISSAGE', 'PRO', 'AUTRE'] as const

/**
 * `dsn`: `nir,employer_siret,naf,contract_type,start_date,end_date,hours_ratio`, salaried
 * contracts. Stored under the person key, never the NIR, one row per line (a person has many
 * contracts, so nothing is unique but the line). end_date is empty while the contract runs;
 * hours_ratio is in (0, 1] or empty.
 */
export const dsnSpec: ReferentialSpec<Insertable<DsnContractTable>> = {
  kind: 'dsn',
  noun: 'DSN contracts',
  header: ['nir', 'employer_siret', 'naf', 'contract_type', 'start_date', 'end_date', 'hours_ratio'],
  table: 'dsn_contract',
  columns: {
    person_key: 'text',
    line: 'integer',
    employer_siret: 'text',
    naf: 'text',
    contract_type: 'text',
    start_date: 'date',
    end_date: 'date',
    hours_ratio: 'numeric',
  },
  unique: null,
  privateColumns: new Set(['nir']),
  needsSecret: true,
  parse(c, context) {
    const nir13 = c.nir('nir')
    const start = c.date('start_date')
    const end = c.date('end_date', true)
    c.notBefore('end_date', end, 'start_date', start)
    const row = {
      person_key: nir13 === '' ? '' : personKey(context.secret, nir13),
      line: c.line,
      employer_siret: c.siret('employer_siret'),
      naf: c.optional('naf'),
      contract_type:
        c.oneOf(
          'contract_type',
          CONTRACT_TYPES,
          'invalid-contract-type',
          `one of ${CONTRACT_TYPES.join(', ')}`,
        ) ?? '',
      start_date: start ?? '',
      end_date: end,
      hours_ratio: c.number(
        'hours_ratio',
        { min: 0, minExclusive: true, max: 1 },
        'invalid-hours-ratio',
        'a number in (0, 1]',
      ),
    }
    return c.ok ? row : null
  },
}
