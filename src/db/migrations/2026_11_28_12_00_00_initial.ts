import { type Kysely, sql } from 'kysely'

// The whole v1 schema. Large tables (persons, identities, versions, current states, links, DSN
// contracts) carry `person_key` in their primary keys: it is the distribution column when the
// schema runs on Citus (docs/scaling.md). Append-mostly tables (versions, identities) put it last,
// so that a partner's file inserts in key order instead of at random places of a large index.
// Code lists and referentials are small reference tables.
const statements = [
  `create table partner (
     id serial primary key,
     code text not null unique check (code ~ '^[A-Z0-9_]{2,24}$'),
     name text not null,
     kind text not null check (kind in ('REGION','OPCO','FT','CDC','TPRO','AGEFIPH','CEP')),
     created_at timestamptz not null default now()
   )`,
  `create table partner_token (
     id serial primary key,
     partner_id integer not null references partner(id),
     token_hash text not null unique,
     created_at timestamptz not null default now(),
     revoked_at timestamptz
   )`,
  `create table person (
     person_key text primary key,
     first_seen timestamptz not null default now()
   )`,
  // Clear identity: the only table holding a NIR. Restricted (partner read-back only).
  `create table person_identity (
     person_key text not null,
     partner_id integer not null,
     record_type text not null,
     record_id text not null,
     nir text not null,
     birth_name text not null,
     birth_name_norm text not null,
     usual_name text,
     first_names text not null,
     birth_date date not null,
     sex text not null,
     primary key (partner_id, record_type, record_id, person_key)
   )`,
  `create table transmission (
     id bigserial primary key,
     partner_id integer not null references partner(id),
     channel text not null check (channel in ('api','file')),
     source text,
     file_sha256 text,
     file_size bigint,
     status text not null default 'running' check (status in ('running','done','interrupted')),
     started_at timestamptz not null default now(),
     finished_at timestamptz,
     byte_offset bigint not null default 0,
     line_number integer not null default 0,
     lines integer not null default 0,
     created integer not null default 0,
     updated integer not null default 0,
     unchanged integer not null default 0,
     stale integer not null default 0,
     conflict integer not null default 0,
     invalid integer not null default 0,
     rejects_bytes bigint not null default 0
   )`,
  `create unique index transmission_file on transmission (partner_id, file_sha256) where channel = 'file'`,
  `create index transmission_partner_time on transmission (partner_id, started_at)`,
  // Rejected records keep their errors, never their content (it may hold a NIR).
  `create table rejected_record (
     id bigserial primary key,
     transmission_id bigint not null references transmission(id),
     partner_id integer not null,
     position integer not null,
     record_type text,
     record_id text,
     outcome text not null,
     errors jsonb not null,
     received_at timestamptz not null default now()
   )`,
  `create index rejected_record_partner on rejected_record (partner_id, received_at)`,
  `create index rejected_record_transmission on rejected_record (transmission_id)`,
]

function recordTables(kind: 'dossier' | 'cep', columns: string): string[] {
  return [
    `create table ${kind}_version (
       person_key text not null,
       partner_id integer not null,
       record_id text not null,
       version bigint not null,
       content_hash text not null,
       updated_at timestamptz not null,
       received_at timestamptz not null default now(),
       transmission_id bigint not null,
       payload json not null,
       primary key (partner_id, record_id, version, person_key)
     )`,
    `create table ${kind}_current (
       person_key text not null,
       partner_id integer not null,
       record_id text not null,
       version bigint not null,
       content_hash text not null,
       updated_at timestamptz not null,
       received_at timestamptz not null,
       identity_certified boolean not null default false,
       birth_date date not null,
       sex text not null,
       residence_commune text not null,
       qpv text,
       ${columns},
       primary key (person_key, partner_id, record_id)
     )`,
    // Unique on one node; on Citus an index plus the per-partner ingest lock (docs/scaling.md).
    `create unique index ${kind}_current_record on ${kind}_current (partner_id, record_id)`,
  ]
}

const dossierColumns = `dispositif text not null,
       status text not null,
       status_at_entry text,
       certification_type text not null,
       certification_code text,
       certification_level integer,
       nsf text,
       organism_siret text not null,
       offer_ref text,
       place_commune text,
       modality text not null,
       planned_start date not null,
       planned_end date not null,
       planned_hours numeric not null,
       entry_date date,
       exit_date date,
       exit_reason text,
       hours_completed numeric,
       certification_result text,
       committed numeric not null,
       shared_dossier_id text`

const cepColumns = `status_at_entry text not null,
       start_date date not null,
       end_date date,
       level integer not null,
       end_reason text,
       project_type text,
       interviews integer,
       cancelled boolean not null`

const linkStatements = [
  `create index dossier_current_shared on dossier_current (shared_dossier_id)`,
  // sharedWith references as sent, so that a record arriving later finds who named it.
  `create table shared_reference (
     person_key text not null,
     partner_id integer not null,
     record_id text not null,
     ref_partner text not null,
     ref_record_id text not null,
     primary key (person_key, partner_id, record_id, ref_partner, ref_record_id)
   )`,
  `create index shared_reference_target on shared_reference (ref_partner, ref_record_id)`,
  `create table shared_link (
     person_key text not null,
     partner_id integer not null,
     record_id text not null,
     other_partner_id integer not null,
     other_record_id text not null,
     reason text not null check (reason in ('declared','matched')),
     primary key (person_key, partner_id, record_id, other_partner_id, other_record_id)
   )`,
  `create index shared_link_other on shared_link (other_partner_id, other_record_id)`,
]

const referentialStatements = [
  `create table organism (
     siret text primary key,
     nda text,
     name text not null,
     commune text,
     qualiopi boolean not null
   )`,
  `create table certification (
     code text primary key,
     type text not null,
     title text not null,
     level integer,
     nsf text,
     active_from date,
     active_to date
   )`,
  `create table catalogue_offer (
     offer_ref text primary key,
     siret text not null,
     certification_code text,
     formacode text,
     commune text,
     modality text,
     hours numeric,
     price numeric
   )`,
  // SNGI keeps no NIR: the person key and what certification compares.
  `create table sngi_identity (
     person_key text primary key,
     birth_name_norm text not null,
     birth_date date not null,
     sex text not null
   )`,
  `create table dsn_contract (
     person_key text not null,
     line integer not null,
     employer_siret text not null,
     naf text,
     contract_type text not null,
     start_date date not null,
     end_date date,
     hours_ratio numeric,
     primary key (person_key, line)
   )`,
  `create table referential_load (
     kind text primary key,
     file text not null,
     file_sha256 text not null,
     rows integer not null,
     loaded_at timestamptz not null default now()
   )`,
  `create table commune (
     code text primary key,
     name text not null,
     type text not null,
     departement text not null,
     region text not null,
     population integer,
     parent text
   )`,
  `create table code_list (
     list text not null,
     code text not null,
     label text not null,
     attributes jsonb not null default '{}'::jsonb,
     primary key (list, code)
   )`,
]

export async function up(db: Kysely<unknown>): Promise<void> {
  const all = [
    ...statements,
    ...recordTables('dossier', dossierColumns),
    ...recordTables('cep', cepColumns),
    ...linkStatements,
    ...referentialStatements,
  ]
  for (const statement of all) await sql.raw(statement).execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const tables = [
    'code_list',
    'commune',
    'referential_load',
    'dsn_contract',
    'sngi_identity',
    'catalogue_offer',
    'certification',
    'organism',
    'shared_link',
    'shared_reference',
    'cep_current',
    'cep_version',
    'dossier_current',
    'dossier_version',
    'rejected_record',
    'transmission',
    'person_identity',
    'person',
    'partner_token',
    'partner',
  ]
  for (const table of tables) await sql.raw(`drop table if exists ${table}`).execute(db)
}
