import { type Kysely, sql } from 'kysely'

// The SECURITY DEFINER helpers of the read policies (migration 2026_12_02_19_00_00_partner_access).
const HELPERS = [
  'passerelle_in_group(text)',
  'passerelle_dossier_visible(integer, text)',
  'passerelle_person_visible(text)',
  'passerelle_person_spells(text)',
]

/**
 * Only the reader role may call the policies' SECURITY DEFINER helpers. PostgreSQL lets every role
 * execute a new function; these read as the hub's owner and trust `passerelle.partner`, which any
 * session may set: another role of the database (an analyst's, say) could have read through
 * `passerelle_person_spells` which trainings other funders hold for a person. The owner keeps them
 * as owner; the policies call them as `passerelle_reader`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const fn of HELPERS) {
    await sql.raw(`revoke all on function ${fn} from public`).execute(db)
    await sql.raw(`grant execute on function ${fn} to passerelle_reader`).execute(db)
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const fn of HELPERS) await sql.raw(`grant execute on function ${fn} to public`).execute(db)
}
