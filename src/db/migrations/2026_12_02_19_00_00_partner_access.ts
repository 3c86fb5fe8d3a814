import { type Kysely, sql } from 'kysely'

/**
 * Partner access (issue 6): user accounts, sessions, failed sign-ins, the audit log, and
 * row-level security on every nominative table.
 *
 * How the security works:
 * - `passerelle_reader` is a NOLOGIN role. A partner read runs in a transaction that does
 *   `SET LOCAL ROLE passerelle_reader` and `set_config('passerelle.partner', id, true)`
 *   (src/access/partner-tx.ts). The role holds SELECT only on the tables a read needs; every one
 *   holding nominative data has a policy keyed on `passerelle_partner()`, which is null (so no row
 *   matches) when the setting is missing. Tables it has no grant on (SNGI, publish facts, users,
 *   sessions) cannot be read by it at all.
 * - FORCE ROW LEVEL SECURITY makes the policies apply to the tables' owner too. Hub jobs
 *   (ingestion, linking, publish, the operator's commands) run as that owner: the `hub_owner`
 *   policy lets the role that ran this migration do everything, so they keep working on a server
 *   where the owner is not a superuser. (Superusers, as in tests and the embedded store, bypass
 *   RLS anyway; that is why partner reads switch role instead of relying on the login role.)
 * - Which rows a partner sees: its own records, and every record of a shared dossier one of its
 *   records belongs to. The group test is a SECURITY DEFINER function, because a policy on
 *   `dossier_current` cannot query `dossier_current` under its own policy (infinite recursion).
 */

const NOMINATIVE = [
  'person',
  'person_identity',
  'dossier_version',
  'dossier_current',
  'cep_version',
  'cep_current',
  'shared_reference',
  'shared_link',
  'dsn_contract',
  'transmission',
  'rejected_record',
  'access_audit',
]

const tables = [
  `create table partner_user (
     id serial primary key,
     partner_id integer not null references partner(id),
     email text not null unique,
     password_hash text not null,
     created_at timestamptz not null default now(),
     disabled_at timestamptz
   )`,
  // The session id is a random secret: stored as its sha256, like tokens.
  `create table partner_session (
     id_hash text primary key,
     user_id integer not null references partner_user(id),
     csrf_token text not null,
     created_at timestamptz not null default now(),
     last_seen timestamptz not null default now()
   )`,
  `create index partner_session_user on partner_session (user_id)`,
  // One row per failed sign-in, keyed by account (e-mail) or client address: survives restarts.
  `create table sign_in_failure (
     key text not null,
     at timestamptz not null default now()
   )`,
  `create index sign_in_failure_key on sign_in_failure (key, at)`,
  `create table access_audit (
     id bigserial primary key,
     at timestamptz not null default now(),
     partner_id integer not null,
     actor text not null,
     route text not null,
     dossiers text[] not null default '{}'
   )`,
  `create index access_audit_partner on access_audit (partner_id, at)`,
]

// Append-only: the trigger refuses changes even to the owner, which REVOKE alone would not bind.
const auditAppendOnly = [
  `create function passerelle_audit_append_only() returns trigger language plpgsql as $$
   begin
     raise exception 'access_audit is append-only' using errcode = 'insufficient_privilege';
   end $$`,
  `create trigger access_audit_append_only before update or delete or truncate on access_audit
     for each statement execute function passerelle_audit_append_only()`,
  'revoke update, delete, truncate on access_audit from public',
]

// Race-safe: tests create many databases at once, and roles are cluster-wide. A hub owner that is
// not a superuser must be a member of passerelle_reader to switch to it; when it cannot create the
// role or grant itself membership, the migration stops and says what a superuser must run.
const createRole = `do $$
begin
  if not exists (select from pg_roles where rolname = 'passerelle_reader') then
    begin
      create role passerelle_reader nologin;
    exception
      when duplicate_object or unique_violation then null;
      when insufficient_privilege then
        raise exception 'the role passerelle_reader is missing (as a superuser: create role passerelle_reader nologin; grant passerelle_reader to %;)',
          quote_ident(current_user);
    end;
  end if;
  if not (select rolsuper from pg_roles where rolname = current_user)
     and not pg_has_role(current_user, 'passerelle_reader', 'member') then
    begin
      execute format('grant passerelle_reader to %I', current_user);
    exception
      when duplicate_object or unique_violation then null;
      when insufficient_privilege then
        raise exception '% must be a member of passerelle_reader (as a superuser: grant passerelle_reader to %;)',
          current_user, quote_ident(current_user);
    end;
  end if;
end $$`

// PL/pgSQL rather than SQL: these cannot be inlined (SECURITY DEFINER), and PL/pgSQL keeps their
// plans for the session where a SQL function is planned again in every statement (7 ms a read).
const definer = 'language plpgsql stable security definer set search_path = public'
const functions = [
  `create function passerelle_partner() returns integer language sql stable as $$
     select nullif(current_setting('passerelle.partner', true), '')::integer
   $$`,
  `create function passerelle_in_group(gid text) returns boolean ${definer} cost 1000 as $$
   begin
     return gid is not null and exists (
       select 1 from dossier_current c where c.shared_dossier_id = gid and c.partner_id = passerelle_partner());
   end $$`,
  `create function passerelle_dossier_visible(p integer, rid text) returns boolean ${definer} cost 1000 as $$
   begin
     return p = passerelle_partner() or exists (
       select 1 from dossier_current c where c.partner_id = p and c.record_id = rid
         and passerelle_in_group(c.shared_dossier_id));
   end $$`,
  `create function passerelle_person_visible(pk text) returns boolean ${definer} cost 1000 as $$
   begin
     return exists (
       select 1 from dossier_current c where c.person_key = pk
         and (c.partner_id = passerelle_partner() or passerelle_in_group(c.shared_dossier_id)))
     or exists (select 1 from cep_current c where c.person_key = pk and c.partner_id = passerelle_partner());
   end $$`,
  // Other trainings of a visible person (dates only), for the "in training" employment situation:
  // they may belong to funders the caller does not share with, so they are never read directly.
  `create function passerelle_person_spells(pk text)
     returns table (partner_id integer, record_id text, entry_date date, exit_date date) ${definer} as $$
   begin
     if not passerelle_person_visible(pk) then return; end if;
     return query select c.partner_id, c.record_id, c.entry_date, c.exit_date from dossier_current c
       where c.person_key = pk and (c.entry_date is not null or c.exit_date is not null);
   end $$`,
]

function policies(): string[] {
  const own = 'partner_id = passerelle_partner()'
  const reader: Record<string, string> = {
    person: 'passerelle_person_visible(person_key)',
    // The clear identity (NIR, names) of a co-funder's record is never shown to another partner (spec).
    person_identity: own,
    dossier_version: `${own} or passerelle_dossier_visible(partner_id, record_id)`,
    dossier_current: `${own} or passerelle_in_group(shared_dossier_id)`,
    cep_version: own,
    cep_current: own,
    shared_reference: `${own} or passerelle_dossier_visible(partner_id, record_id)`,
    shared_link: `${own} or passerelle_dossier_visible(partner_id, record_id)`,
    dsn_contract: 'passerelle_person_visible(person_key)',
    transmission: own,
    rejected_record: own,
    access_audit: own,
  }
  return NOMINATIVE.flatMap((table) => [
    `alter table ${table} enable row level security`,
    `alter table ${table} force row level security`,
    `select passerelle_owner_policy('${table}')`,
    `create policy partner_read on ${table} for select to passerelle_reader using (${reader[table]})`,
  ])
}

// The owner policy names the migrating role, whatever it is called on this server.
const ownerPolicyFunction = `create function passerelle_owner_policy(t text) returns void language plpgsql as $$
  begin
    execute format('create policy hub_owner on %I for all to %I using (true) with check (true)', t, current_user);
  end $$`

// A whole dossier read in one PL/pgSQL function, which scopes itself first exactly as
// src/access/partner-tx.ts does (SET LOCAL ROLE passerelle_reader, the partner setting, no wait for
// the WAL flush): called alone it is one statement and one round trip instead of five, and its
// plans are kept for the connection's session (planning a statement under row-level security costs
// more than running it). SECURITY INVOKER, so every query in it runs under the partner's policies.
// It logs the read in access_audit when the record is the caller's and an actor is given.
export const readFunction = `create function passerelle_dossier_read(pid integer, rid text, actor text, route text)
  returns json language plpgsql volatile set search_path = public as $$
  declare
    result json;
  begin
    perform set_config('role', 'passerelle_reader', true), set_config('passerelle.partner', pid::text, true),
      set_config('synchronous_commit', 'off', true);
    with own as (select * from dossier_current where partner_id = pid and record_id = rid),
    grp as (
      select c.*, p.code, p.name from own c join partner p on p.id = c.partner_id
      union all
      select c.*, p.code, p.name from own o
      join dossier_current c on c.shared_dossier_id = o.shared_dossier_id
      join partner p on p.id = c.partner_id
      where not (c.partner_id = o.partner_id and c.record_id = o.record_id)
    )
    select json_build_object(
      'records', (select json_agg(row_to_json(g)) from grp g),
      'versions', (select json_agg(json_build_object('p', v.partner_id, 'r', v.record_id, 'version', v.version,
          'updated_at', v.updated_at, 'received_at', v.received_at, 'payload', v.payload)
          order by v.partner_id, v.record_id, v.version)
        from grp g join dossier_version v on v.partner_id = g.partner_id and v.record_id = g.record_id),
      'identity', (select row_to_json(i) from (select i.nir, i.birth_name, i.usual_name, i.first_names, i.birth_date, i.sex
        from person_identity i where i.partner_id = pid and i.record_type = 'dossier' and i.record_id = rid) i),
      'contracts', (select json_agg(json_build_object('type', d.contract_type, 'start', d.start_date, 'end', d.end_date)
          order by d.line)
        from own o join dsn_contract d on d.person_key = o.person_key),
      'spells', (select json_agg(s) from own o, passerelle_person_spells(o.person_key) s))
    into result;
    if actor is not null and result->'records' is not null and json_typeof(result->'records') = 'array' then
      insert into access_audit (partner_id, actor, route, dossiers) values (pid, actor, route, array[rid]);
    end if;
    return result;
  end $$`

const grants = [
  'grant usage on schema public to passerelle_reader',
  `grant select on ${NOMINATIVE.filter((t) => t !== 'access_audit').join(', ')} to passerelle_reader`,
  'grant select on partner, organism, certification, catalogue_offer, commune, code_list to passerelle_reader',
  'grant insert on access_audit to passerelle_reader',
  'grant usage on sequence access_audit_id_seq to passerelle_reader',
  `create policy partner_audit on access_audit for insert to passerelle_reader
     with check (partner_id = passerelle_partner())`,
]

export async function up(db: Kysely<unknown>): Promise<void> {
  const all = [
    ...tables,
    ...auditAppendOnly,
    createRole,
    ...functions,
    ownerPolicyFunction,
    ...policies(),
    readFunction,
    ...grants,
  ]
  for (const statement of all) await sql.raw(statement).execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of NOMINATIVE.filter((t) => t !== 'access_audit')) {
    await sql.raw(`drop policy if exists partner_read on ${table}`).execute(db)
    await sql.raw(`drop policy if exists hub_owner on ${table}`).execute(db)
    await sql.raw(`alter table ${table} no force row level security`).execute(db)
    await sql.raw(`alter table ${table} disable row level security`).execute(db)
  }
  for (const table of ['access_audit', 'sign_in_failure', 'partner_session', 'partner_user'])
    await sql.raw(`drop table if exists ${table}`).execute(db)
  for (const fn of [
    'passerelle_dossier_read(integer, text, text, text)',
    'passerelle_person_spells(text)',
    'passerelle_person_visible(text)',
    'passerelle_dossier_visible(integer, text)',
    'passerelle_in_group(text)',
    'passerelle_partner()',
    'passerelle_owner_policy(text)',
    'passerelle_audit_append_only()',
  ])
    await sql.raw(`drop function if exists ${fn}`).execute(db)
  // The role is cluster-wide and may serve other databases: it is left in place.
  await sql.raw('revoke all on all tables in schema public from passerelle_reader').execute(db)
  await sql.raw('revoke usage on schema public from passerelle_reader').execute(db)
}
