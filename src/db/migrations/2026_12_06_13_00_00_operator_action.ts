import { type Kysely, sql } from 'kysely'

/**
 * The operator's changes to who may read (partners registered, tokens issued, rotated or revoked,
 * accounts added, disabled, enabled, given a new password), appended in the change's own
 * transaction and never updated: the token register and the accounts keep only their present
 * state, and a leak's inquiry asks who issued what, when. `db_user` is the database role that
 * ran the command, which the operator's own name (taken from the command's environment) cannot
 * vouch for. `detail` is json, not jsonb: it keeps its keys in the order the command wrote them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table operator_action (
    id bigserial primary key,
    at timestamptz not null default now(),
    operator text not null,
    db_user text not null default session_user,
    action text not null,
    partner_id integer references partner (id),
    subject text not null,
    detail json not null default '{}'
  )`.execute(db)
  await sql`create index operator_action_at on operator_action (at)`.execute(db)
  // Append-only: the trigger refuses changes even to the owner, which REVOKE alone would not bind.
  await sql`create function passerelle_operator_action_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'operator_action is append-only' using errcode = 'insufficient_privilege';
    end $$`.execute(db)
  await sql`create trigger operator_action_append_only before update or delete or truncate on operator_action
    for each statement execute function passerelle_operator_action_append_only()`.execute(db)
  await sql`revoke update, delete, truncate on operator_action from public`.execute(db)
  // It names partners: forced row-level security, as on every table of partner data, with the
  // owner's policy only, so that the partner reader sees none of it even if granted by mistake.
  await sql`alter table operator_action enable row level security`.execute(db)
  await sql`alter table operator_action force row level security`.execute(db)
  await sql`select passerelle_owner_policy('operator_action')`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists operator_action`.execute(db)
  await sql`drop function if exists passerelle_operator_action_append_only()`.execute(db)
}
