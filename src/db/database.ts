import type { ColumnType, Generated } from 'kysely'

/** Dates come back as strings or Date depending on the driver: the store normalises them (see connect.ts). */
type Timestamp = ColumnType<Date, Date | string, Date | string>
type DateOnly = ColumnType<string, string, string>
type Numeric = ColumnType<number, number | string, number | string>
type Json = ColumnType<unknown, string, string>
/** A timestamp the database fills in by default. */
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>
/** A bigint counter with a default (bigints are read back as numbers: connect.ts). */
type GeneratedBigint = ColumnType<number, number | undefined, number>

export interface PartnerTable {
  id: Generated<number>
  code: string
  name: string
  kind: string
  created_at: GeneratedTimestamp
}

export interface PartnerTokenTable {
  id: Generated<number>
  partner_id: number
  token_hash: string
  created_at: GeneratedTimestamp
  revoked_at: Timestamp | null
  /** Null for tokens issued before tokens expired (migration 2026_12_06_10_00_00). */
  expires_at: Timestamp | null
}

export interface PersonTable {
  person_key: string
  first_seen: GeneratedTimestamp
}

export interface PersonIdentityTable {
  person_key: string
  partner_id: number
  record_type: string
  record_id: string
  nir: string
  birth_name: string
  birth_name_norm: string
  usual_name: string | null
  first_names: string
  birth_date: DateOnly
  sex: string
}

export interface TransmissionTable {
  id: Generated<number>
  partner_id: number
  channel: 'api' | 'file'
  source: string | null
  file_sha256: string | null
  file_size: number | null
  status: Generated<'running' | 'done' | 'interrupted' | 'abandoned'>
  started_at: GeneratedTimestamp
  finished_at: Timestamp | null
  /** When its last batch committed (clock time in that batch's transaction); null before one. */
  progressed_at: Timestamp | null
  byte_offset: GeneratedBigint
  line_number: Generated<number>
  lines: Generated<number>
  created: Generated<number>
  updated: Generated<number>
  unchanged: Generated<number>
  stale: Generated<number>
  conflict: Generated<number>
  invalid: Generated<number>
  /** No longer written: a resumed import writes its rejects again from the stored findings. */
  rejects_bytes: GeneratedBigint
}

export interface RejectedRecordTable {
  id: Generated<number>
  transmission_id: number
  partner_id: number
  position: number
  record_type: string | null
  record_id: string | null
  outcome: string
  errors: Json
  received_at: GeneratedTimestamp
}

interface VersionColumns {
  person_key: string
  partner_id: number
  record_id: string
  version: number
  content_hash: string
  updated_at: Timestamp
  received_at: GeneratedTimestamp
  transmission_id: number
  payload: Json
}

export interface DossierVersionTable extends VersionColumns {
  /** The writing transaction's id (xid8 as text): the change feed's commit order. */
  txid: Generated<string>
}
export type CepVersionTable = VersionColumns

interface CurrentColumns {
  person_key: string
  partner_id: number
  record_id: string
  version: number
  content_hash: string
  updated_at: Timestamp
  received_at: Timestamp
  identity_certified: Generated<boolean>
  birth_date: DateOnly
  sex: string
  residence_commune: string
  qpv: string | null
}

export interface DossierCurrentTable extends CurrentColumns {
  dispositif: string
  status: string
  status_at_entry: string | null
  certification_type: string
  certification_code: string | null
  certification_level: number | null
  nsf: string | null
  organism_siret: string
  /** The NDA the record gives beside the SIRET, if any. */
  organism_nda: string | null
  offer_ref: string | null
  place_commune: string | null
  modality: string
  planned_start: DateOnly
  planned_end: DateOnly
  planned_hours: Numeric
  entry_date: DateOnly | null
  exit_date: DateOnly | null
  exit_reason: string | null
  hours_completed: Numeric | null
  certification_result: string | null
  committed: Numeric
  /** `[{funder, committed}]`, the record's funding lines (migration 2026_12_06_16 filled every row). */
  funding: ColumnType<unknown, string | null | undefined, string | null>
  shared_dossier_id: string | null
}

export interface CepCurrentTable extends CurrentColumns {
  status_at_entry: string
  start_date: DateOnly
  end_date: DateOnly | null
  level: number
  end_reason: string | null
  project_type: string | null
  interviews: number | null
  cancelled: boolean
}

export interface SharedReferenceTable {
  person_key: string
  partner_id: number
  record_id: string
  ref_partner: string
  ref_record_id: string
}

export interface SharedLinkTable {
  person_key: string
  partner_id: number
  record_id: string
  other_partner_id: number
  other_record_id: string
  reason: 'declared' | 'matched'
}

export interface OrganismTable {
  siret: string
  nda: string | null
  name: string
  commune: string | null
  qualiopi: boolean
}

export interface CertificationTable {
  code: string
  type: string
  title: string
  level: number | null
  nsf: string | null
  active_from: DateOnly | null
  active_to: DateOnly | null
}

export interface CatalogueOfferTable {
  offer_ref: string
  siret: string
  certification_code: string | null
  formacode: string | null
  commune: string | null
  modality: string | null
  hours: Numeric | null
  price: Numeric | null
}

export interface SngiIdentityTable {
  person_key: string
  birth_name_norm: string
  birth_date: DateOnly
  sex: string
}

export interface DsnContractTable {
  person_key: string
  line: number
  employer_siret: string
  naf: string | null
  contract_type: string
  start_date: DateOnly
  end_date: DateOnly | null
  hours_ratio: Numeric | null
}

export interface ReferentialLoadTable {
  kind: string
  file: string
  file_sha256: string
  rows: number
  loaded_at: GeneratedTimestamp
}

export interface CommuneTable {
  code: string
  name: string
  type: string
  departement: string
  region: string
  population: number | null
  parent: string | null
}

export interface CodeListTable {
  list: string
  code: string
  label: string
  attributes: Json
}

export interface PartnerUserTable {
  id: Generated<number>
  partner_id: number
  email: string
  password_hash: string
  created_at: GeneratedTimestamp
  disabled_at: Timestamp | null
  /** The operator set the password: the user chooses their own before reading anything. */
  must_change_password: Generated<boolean>
  last_sign_in_at: Timestamp | null
}

export interface PartnerSessionTable {
  id_hash: string
  user_id: number
  csrf_token: string
  created_at: GeneratedTimestamp
  last_seen: GeneratedTimestamp
}

export interface SignInFailureTable {
  key: string
  at: GeneratedTimestamp
}

/** Append-only log of nominative reads (a trigger refuses UPDATE and DELETE). */
export interface AccessAuditTable {
  id: Generated<number>
  at: GeneratedTimestamp
  partner_id: number
  /** `token:<partner code>#<token id>` or `user:<email>`. */
  actor: string
  route: string
  dossiers: ColumnType<string[], string[] | undefined, never>
}

/** Append-only log of the operator's changes to who may read (a trigger refuses UPDATE and DELETE). */
export interface OperatorActionTable {
  id: Generated<number>
  at: GeneratedTimestamp
  /** `PASSERELLE_OPERATOR`, else the command's `user@host`. */
  operator: string
  db_user: Generated<string>
  action: OperatorActionName
  partner_id: number | null
  subject: string
  detail: ColumnType<unknown, string, never>
}

/** What the operator did: stable codes, as `passerelle operator-log` prints them. */
export type OperatorActionName =
  | 'partner/add'
  | 'token/rotate'
  | 'token/revoke'
  | 'user/add'
  | 'user/disable'
  | 'user/enable'
  | 'user/reset-password'

/** A partner area summary (dashboard, data quality), computed for the hub's date `as_of`. */
export interface PartnerSummaryTable {
  partner_id: number
  kind: 'dashboard' | 'cep-dashboard' | 'quality'
  as_of: DateOnly
  computed_at: GeneratedTimestamp
  body: ColumnType<unknown, string, string>
}

/** The fingerprint of the hub's secret and who made the hub (one row at most). */
export interface HubKeyTable {
  id: Generated<boolean>
  fingerprint: string
  origin: 'demo' | 'operator'
  recorded_at: GeneratedTimestamp
}

/** The hub's schema, as kysely sees it. */
export interface Database {
  partner: PartnerTable
  partner_token: PartnerTokenTable
  person: PersonTable
  person_identity: PersonIdentityTable
  transmission: TransmissionTable
  rejected_record: RejectedRecordTable
  dossier_version: DossierVersionTable
  dossier_current: DossierCurrentTable
  cep_version: CepVersionTable
  cep_current: CepCurrentTable
  shared_reference: SharedReferenceTable
  shared_link: SharedLinkTable
  organism: OrganismTable
  certification: CertificationTable
  catalogue_offer: CatalogueOfferTable
  sngi_identity: SngiIdentityTable
  dsn_contract: DsnContractTable
  referential_load: ReferentialLoadTable
  commune: CommuneTable
  code_list: CodeListTable
  partner_user: PartnerUserTable
  partner_session: PartnerSessionTable
  sign_in_failure: SignInFailureTable
  access_audit: AccessAuditTable
  operator_action: OperatorActionTable
  partner_summary: PartnerSummaryTable
  hub_key: HubKeyTable
}
