import { type Kysely, type RawBuilder, sql } from 'kysely'

/**
 * Partner tokens expire: a token leaked from a partner's deployment stops working on its own,
 * and a partner is asked to take a new one at least once a validity period. Tokens issued before
 * this migration have no end (`expires_at` null) until they are rotated: ending them here would
 * cut off partners who transmit now, without a word to them. The one-statement dossier read
 * (migration 2026_12_03_09_00_00) checks the end as `partnerByToken` does.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table partner_token add column expires_at timestamptz`.execute(db)
  await tokenDossierRead(
    sql`t.revoked_at is null and (t.expires_at is null or t.expires_at > now())`,
  ).execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await tokenDossierRead(sql`t.revoked_at is null`).execute(db)
  await sql`alter table partner_token drop column if exists expires_at`.execute(db)
}

/** `passerelle_token_dossier_read` (migration 2026_12_03_09_00_00) with `live` as the test of a token. */
function tokenDossierRead(live: RawBuilder<unknown>) {
  return sql`create or replace function passerelle_token_dossier_read(hash text, rid text, route text)
    returns json language plpgsql volatile set search_path = public as $$
    declare
      holder record;
    begin
      select p.id, p.code, p.name, p.kind, t.id as token_id into holder
        from partner_token t join partner p on p.id = t.partner_id
        where t.token_hash = hash and ${live};
      if not found then
        return null;
      end if;
      return json_build_object(
        'partner', json_build_object('id', holder.id, 'code', holder.code, 'name', holder.name, 'kind', holder.kind),
        'tokenId', holder.token_id,
        'dossier', passerelle_dossier_read(holder.id, rid, 'token:' || holder.code || '#' || holder.token_id, route));
    end $$`
}
