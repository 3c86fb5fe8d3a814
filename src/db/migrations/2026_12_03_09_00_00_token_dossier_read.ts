import { type Kysely, sql } from 'kysely'

/**
 * A bearer-token dossier read in one statement: the token's holder (as `partnerByToken` finds it:
 * hash known, not revoked), then `passerelle_dossier_read` as that partner, audited with the
 * actor `token:<partner code>#<token id>` (src/access/actor.ts). `GET /api/v1/dossiers/{id}` is the
 * hottest partner route: a separate token lookup was a second round trip and a second statement
 * for every read. The lookup runs before the read function switches to `passerelle_reader`, which
 * may not read tokens. Null when the token is unknown or revoked.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create function passerelle_token_dossier_read(hash text, rid text, route text)
    returns json language plpgsql volatile set search_path = public as $$
    declare
      holder record;
    begin
      select p.id, p.code, p.name, p.kind, t.id as token_id into holder
        from partner_token t join partner p on p.id = t.partner_id
        where t.token_hash = hash and t.revoked_at is null;
      if not found then
        return null;
      end if;
      return json_build_object(
        'partner', json_build_object('id', holder.id, 'code', holder.code, 'name', holder.name, 'kind', holder.kind),
        'tokenId', holder.token_id,
        'dossier', passerelle_dossier_read(holder.id, rid, 'token:' || holder.code || '#' || holder.token_id, route));
    end $$`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop function if exists passerelle_token_dossier_read(text, text, text)`.execute(db)
}
