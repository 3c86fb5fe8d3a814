import { type Kysely, sql } from 'kysely'

/**
 * The organism's NDA (numéro de déclaration d'activité) as the record gives it, beside its SIRET:
 * the organisms referential flags dossiers whose SIRET or NDA it does not know (spec,
 * "Referentials"), and the partner's data-quality view lists them. Until now only the version's
 * payload held it. Existing rows take it from the payload of their current version.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table dossier_current add column organism_nda text`.execute(db)
  await sql`update dossier_current d set organism_nda = v.payload->'training'->'organism'->>'nda'
    from dossier_version v
    where v.partner_id = d.partner_id and v.record_id = d.record_id and v.version = d.version
      and v.person_key = d.person_key and v.payload->'training'->'organism'->>'nda' is not null`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table dossier_current drop column organism_nda`.execute(db)
}
