import { type Kysely, sql, type Transaction } from 'kysely'
import type { Database } from '../db/database.ts'
import { jsonRows, textArray } from '../db/json-param.ts'
import { relinkPersons } from './link-repository.ts'
import {
  decideOutcome,
  isAccepted,
  type RecordResult,
  type StoredVersion,
  versionFinding,
} from './outcome.ts'
import type { PreparedRecord, PreparedResult } from './prepare-record.ts'
import type { RecordType } from './record.ts'

/** Who sends, and where the batch is recorded. */
export interface BatchContext {
  readonly partnerId: number
  readonly transmissionId: number
}

/** One record of a batch: its position in the batch or file, and the record prepared (or rejected). */
export interface BatchItem {
  readonly index: number
  readonly result: PreparedResult
}

/** Counters of a batch, added to its transmission. */
export type OutcomeCounts = Record<RecordResult['outcome'], number>

/** Runs inside the batch's transaction, after its rows and before the commit (file offsets). */
export type BeforeCommit = (tx: Transaction<Database>, results: readonly RecordResult[]) => Promise<void>

// One ingest at a time per partner: version checks read then write, and on Citus the
// uniqueness of (partner, record id) relies on it (docs/scaling.md).
const PARTNER_LOCK_SPACE = 4242

interface Accepted {
  readonly prepared: PreparedRecord
  readonly previousPersonKey: string | null
}

interface Stored extends StoredVersion {
  readonly personKey: string
}

/**
 * Applies a batch of validated records for one partner in one transaction: version rules, every
 * accepted version appended, current states, identities, shared-dossier links, rejected records
 * and the transmission's counters. Returns one result per item, in order. Durable when it returns.
 */
export async function applyBatch(
  db: Kysely<Database>,
  context: BatchContext,
  items: readonly BatchItem[],
  beforeCommit?: BeforeCommit,
): Promise<RecordResult[]> {
  let linked: readonly string[] = []
  for (let run = 1; ; run++) {
    const found = new Set(linked)
    try {
      return await applyOnce(db, context, items, beforeCommit, { found, wait: run > TRIED_RUNS })
    } catch (error) {
      const retry = error instanceof LinkedPersonsBusy || (isDeadlock(error) && run <= MAX_RUNS)
      if (!retry) throw error
      linked = [...found].sort()
    }
  }
}

/**
 * Persons linked to a batch's across persons (a `sharedWith` naming another person's record) are
 * found while relinking, after the batch's own persons are locked. Waiting for them there, out of
 * order, could deadlock with a batch coming from the other end of the link: they are tried
 * instead, and when one is busy the batch is rolled back and run again with them all locked up
 * front, in order. After `TRIED_RUNS` rolled-back runs (links still growing under it), it waits;
 * should that deadlock (PostgreSQL then aborts one of the two), it is run again, up to `MAX_RUNS`.
 * The whole batch is one transaction: a run rolled back leaves nothing behind.
 */
const TRIED_RUNS = 4
const MAX_RUNS = 8

function isDeadlock(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '40P01'
}

/**
 * Thrown inside a batch's transaction when a person linked to it is held by another: the run is
 * rolled back, and the persons found so far (`found`, kept by applyBatch) are locked up front next.
 */
class LinkedPersonsBusy extends Error {
  constructor(found: number) {
    super(`persons linked to the batch are being relinked elsewhere (${found} found)`)
  }
}

async function applyOnce(
  db: Kysely<Database>,
  context: BatchContext,
  items: readonly BatchItem[],
  beforeCommit: BeforeCommit | undefined,
  locking: { readonly found: Set<string>; readonly wait: boolean },
): Promise<RecordResult[]> {
  return db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(${PARTNER_LOCK_SPACE}, ${context.partnerId})`.execute(tx)
    const results: RecordResult[] = new Array(items.length)
    const byType: Record<RecordType, { position: number; prepared: PreparedRecord }[]> = {
      dossier: [],
      cep: [],
    }
    items.forEach((item, position) => {
      const r = item.result
      if (r.ok) byType[r.prepared.type].push({ position, prepared: r.prepared })
      else
        results[position] = {
          index: item.index,
          id: r.id,
          type: r.type,
          outcome: 'invalid',
          errors: r.errors,
        }
    })
    const acceptedByType: Record<RecordType, Accepted[]> = { dossier: [], cep: [] }
    for (const type of ['dossier', 'cep'] as const) {
      const group = byType[type]
      if (group.length === 0) continue
      const stored = await storedVersions(
        tx,
        type,
        context.partnerId,
        group.map((g) => g.prepared.id),
      )
      acceptedByType[type] = applyVersionRules(group, stored, items, results)
    }
    const touchedPersons = new Set<string>()
    for (const a of acceptedByType.dossier) {
      touchedPersons.add(a.prepared.personKey)
      if (a.previousPersonKey) touchedPersons.add(a.previousPersonKey)
    }
    // A run again after LinkedPersonsBusy locks the linked persons found before, in one order.
    await lockPersons(
      tx,
      touchedPersons.size > 0 ? new Set([...touchedPersons, ...locking.found]) : touchedPersons,
    )
    for (const type of ['dossier', 'cep'] as const) {
      if (acceptedByType[type].length > 0) await writeAccepted(tx, type, context, acceptedByType[type])
    }
    // Every linked person found, kept for a run again (LinkedPersonsBusy, or a deadlock).
    const found = locking.found
    const lockMore = async (more: readonly string[]) => {
      for (const p of more) found.add(p)
      if (locking.wait) await lockPersons(tx, new Set(more))
      else if (!(await tryLockPersons(tx, more))) throw new LinkedPersonsBusy(found.size)
    }
    if (touchedPersons.size > 0) await relinkPersons(tx, touchedPersons, lockMore)
    await recordRejected(tx, context, results)
    await countOutcomes(tx, context.transmissionId, results)
    if (beforeCommit) await beforeCommit(tx, results)
    return results
  })
}

/**
 * The version rules over one type's records of a batch, in order: each accepted version becomes
 * the stored one that the next record with the same id is compared against. Fills `results` at
 * the records' positions and returns the accepted versions.
 */
function applyVersionRules(
  group: readonly { position: number; prepared: PreparedRecord }[],
  stored: Map<string, Stored>,
  items: readonly BatchItem[],
  results: RecordResult[],
): Accepted[] {
  const accepted: Accepted[] = []
  for (const { position, prepared } of group) {
    const { id, type } = prepared
    const before = stored.get(id)
    const incoming = { version: prepared.version, contentHash: prepared.contentHash }
    const outcome = decideOutcome(before, incoming)
    const index = items[position]!.index
    if (isAccepted(outcome)) {
      accepted.push({ prepared, previousPersonKey: before?.personKey ?? null })
      stored.set(id, { ...incoming, personKey: prepared.personKey })
      results[position] = { index, id, type, outcome }
    } else if (outcome === 'unchanged') {
      results[position] = { index, id, type, outcome }
    } else {
      const errors = [versionFinding(outcome as 'stale' | 'conflict', before!, incoming)]
      results[position] = { index, id, type, outcome, errors }
    }
  }
  return accepted
}

// Linking reads every dossier of a person and rewrites their links: two partners' batches touching
// the same person (co-funders sending at the same time) must not compute links from snapshots that
// miss each other's records. Persons are locked in sorted order, before any write, so that two
// batches cannot wait on each other.
const PERSON_LOCK_SPACE = 4243

async function lockPersons(tx: Transaction<Database>, persons: Set<string>): Promise<void> {
  if (persons.size === 0) return
  await sql`select count(pg_advisory_xact_lock(${PERSON_LOCK_SPACE}, hashtext(k)))
    from (select k from unnest(${textArray([...persons].sort())}) as k order by k) as sorted`.execute(tx)
}

/** Takes every one of these persons' locks that is free; true when all of them were. */
async function tryLockPersons(tx: Transaction<Database>, persons: readonly string[]): Promise<boolean> {
  const { rows } = await sql<{
    all: boolean
  }>`select bool_and(pg_try_advisory_xact_lock(${PERSON_LOCK_SPACE}, hashtext(k))) as all
    from (select k from unnest(${textArray([...persons].sort())}) as k order by k) as sorted`.execute(tx)
  return rows[0]?.all !== false
}

async function storedVersions(
  tx: Transaction<Database>,
  type: RecordType,
  partnerId: number,
  ids: string[],
): Promise<Map<string, Stored>> {
  const { rows } = await sql<{
    record_id: string
    version: number
    content_hash: string
    person_key: string
  }>`
    select record_id, version, content_hash, person_key from ${sql.table(`${type}_current`)}
    where partner_id = ${partnerId} and record_id = any(${textArray(new Set(ids))})`.execute(tx)
  return new Map(
    rows.map((r) => [
      r.record_id,
      { version: Number(r.version), contentHash: r.content_hash, personKey: r.person_key },
    ]),
  )
}

async function writeAccepted(
  tx: Transaction<Database>,
  type: RecordType,
  context: BatchContext,
  accepted: Accepted[],
): Promise<void> {
  const persons = [...new Set(accepted.map((a) => a.prepared.personKey))]
  await sql`insert into person (person_key) select value from json_array_elements_text(${JSON.stringify(persons)}::json)
    on conflict (person_key) do nothing`.execute(tx)

  await sql`insert into ${sql.table(`${type}_version`)}
      (person_key, partner_id, record_id, version, content_hash, updated_at, transmission_id, payload)
    select x.person_key, ${context.partnerId}, x.record_id, x.version, x.content_hash, x.updated_at,
      ${context.transmissionId}, x.payload
    from json_to_recordset(${joined(accepted.map((a) => a.prepared.versionJson))})
      as x(person_key text, record_id text, version bigint, content_hash text, updated_at timestamptz, payload json)`.execute(
    tx,
  )

  // Only the last accepted version of each record becomes its current state.
  const last = new Map<string, Accepted>()
  for (const a of accepted) last.set(a.prepared.id, a)
  const finals = [...last.values()]
  const moved = finals.filter((a) => a.previousPersonKey && a.previousPersonKey !== a.prepared.personKey)
  if (moved.length > 0) await forgetMovedRecords(tx, type, context.partnerId, moved)

  if (type === 'dossier') await upsertDossiers(tx, context.partnerId, finals)
  else await upsertCeps(tx, context.partnerId, finals)
  await upsertIdentities(tx, type, context.partnerId, finals)
  if (type === 'dossier') await replaceReferences(tx, context.partnerId, finals)
}

/** Rows already serialised as JSON objects, joined into one JSON array parameter. */
function joined(objects: readonly string[]) {
  return sql`${`[${objects.join(',')}]`}::json`
}

// A corrected NIR moves a record to another person: its rows under the old key go first.
async function forgetMovedRecords(
  tx: Transaction<Database>,
  type: RecordType,
  partnerId: number,
  moved: Accepted[],
) {
  const keys = moved.map((a) => ({ person_key: a.previousPersonKey, record_id: a.prepared.id }))
  const match = sql`json_to_recordset(${jsonRows(keys)}) as x(person_key text, record_id text)`
  await sql`delete from ${sql.table(`${type}_current`)} c using ${match}
    where c.person_key = x.person_key and c.partner_id = ${partnerId} and c.record_id = x.record_id`.execute(
    tx,
  )
  await sql`delete from person_identity c using ${match}
    where c.person_key = x.person_key and c.partner_id = ${partnerId} and c.record_type = ${type} and c.record_id = x.record_id`.execute(
    tx,
  )
  if (type === 'dossier') {
    await sql`delete from shared_reference c using ${match}
      where c.person_key = x.person_key and c.partner_id = ${partnerId} and c.record_id = x.record_id`.execute(
      tx,
    )
  }
}

const certified = sql`exists (select 1 from sngi_identity s where s.person_key = x.person_key
  and s.birth_name_norm = x.birth_name_norm and s.birth_date = x.birth_date and s.sex = x.sex)`

async function upsertDossiers(tx: Transaction<Database>, partnerId: number, finals: Accepted[]) {
  const rows = joined(finals.map((a) => a.prepared.currentJson))
  await sql`insert into dossier_current (person_key, partner_id, record_id, version, content_hash, updated_at,
      received_at, identity_certified, birth_date, sex, residence_commune, qpv, dispositif, status, status_at_entry,
      certification_type, certification_code, certification_level, nsf, organism_siret, organism_nda, offer_ref,
      place_commune, modality, planned_start, planned_end, planned_hours, entry_date, exit_date, exit_reason,
      hours_completed, certification_result, committed, funding)
    select x.person_key, ${partnerId}, x.record_id, x.version, x.content_hash, x.updated_at, now(), ${certified},
      x.birth_date, x.sex, x.residence_commune, x.qpv, x.dispositif, x.status, x.status_at_entry,
      x.certification_type, x.certification_code, x.certification_level, x.nsf, x.organism_siret, x.organism_nda,
      x.offer_ref, x.place_commune, x.modality, x.planned_start, x.planned_end, x.planned_hours, x.entry_date, x.exit_date,
      x.exit_reason, x.hours_completed, x.certification_result, x.committed, x.funding
    from json_to_recordset(${rows}) as x(person_key text, record_id text, version bigint,
      content_hash text, updated_at timestamptz, birth_name_norm text, birth_date date, sex text,
      residence_commune text, qpv text, dispositif text, status text, status_at_entry text,
      certification_type text, certification_code text, certification_level integer, nsf text,
      organism_siret text, organism_nda text, offer_ref text, place_commune text, modality text, planned_start date,
      planned_end date, planned_hours numeric, entry_date date, exit_date date, exit_reason text,
      hours_completed numeric, certification_result text, committed numeric, funding jsonb)
    on conflict (partner_id, record_id) do update set
      person_key = excluded.person_key, version = excluded.version, content_hash = excluded.content_hash,
      updated_at = excluded.updated_at, received_at = excluded.received_at,
      identity_certified = excluded.identity_certified, birth_date = excluded.birth_date, sex = excluded.sex,
      residence_commune = excluded.residence_commune, qpv = excluded.qpv, dispositif = excluded.dispositif,
      status = excluded.status, status_at_entry = excluded.status_at_entry,
      certification_type = excluded.certification_type, certification_code = excluded.certification_code,
      certification_level = excluded.certification_level, nsf = excluded.nsf,
      organism_siret = excluded.organism_siret, organism_nda = excluded.organism_nda, offer_ref = excluded.offer_ref,
      place_commune = excluded.place_commune, modality = excluded.modality,
      planned_start = excluded.planned_start, planned_end = excluded.planned_end,
      planned_hours = excluded.planned_hours, entry_date = excluded.entry_date, exit_date = excluded.exit_date,
      exit_reason = excluded.exit_reason, hours_completed = excluded.hours_completed,
      certification_result = excluded.certification_result, committed = excluded.committed,
      funding = excluded.funding`.execute(tx)
}

async function upsertCeps(tx: Transaction<Database>, partnerId: number, finals: Accepted[]) {
  const rows = joined(finals.map((a) => a.prepared.currentJson))
  await sql`insert into cep_current (person_key, partner_id, record_id, version, content_hash, updated_at,
      received_at, identity_certified, birth_date, sex, residence_commune, qpv, status_at_entry, start_date,
      end_date, level, end_reason, project_type, interviews, cancelled)
    select x.person_key, ${partnerId}, x.record_id, x.version, x.content_hash, x.updated_at, now(), ${certified},
      x.birth_date, x.sex, x.residence_commune, x.qpv, x.status_at_entry, x.start_date, x.end_date, x.level,
      x.end_reason, x.project_type, x.interviews, x.cancelled
    from json_to_recordset(${rows}) as x(person_key text, record_id text, version bigint,
      content_hash text, updated_at timestamptz, birth_name_norm text, birth_date date, sex text,
      residence_commune text, qpv text, status_at_entry text, start_date date, end_date date, level integer,
      end_reason text, project_type text, interviews integer, cancelled boolean)
    on conflict (partner_id, record_id) do update set
      person_key = excluded.person_key, version = excluded.version, content_hash = excluded.content_hash,
      updated_at = excluded.updated_at, received_at = excluded.received_at,
      identity_certified = excluded.identity_certified, birth_date = excluded.birth_date, sex = excluded.sex,
      residence_commune = excluded.residence_commune, qpv = excluded.qpv,
      status_at_entry = excluded.status_at_entry, start_date = excluded.start_date, end_date = excluded.end_date,
      level = excluded.level, end_reason = excluded.end_reason, project_type = excluded.project_type,
      interviews = excluded.interviews, cancelled = excluded.cancelled`.execute(tx)
}

async function upsertIdentities(
  tx: Transaction<Database>,
  type: RecordType,
  partnerId: number,
  finals: Accepted[],
) {
  const rows = joined(finals.map((a) => a.prepared.identityJson))
  await sql`insert into person_identity (person_key, partner_id, record_type, record_id, nir, birth_name,
      birth_name_norm, usual_name, first_names, birth_date, sex)
    select x.person_key, ${partnerId}, ${type}, x.record_id, x.nir, x.birth_name, x.birth_name_norm, x.usual_name,
      x.first_names, x.birth_date, x.sex
    from json_to_recordset(${rows}) as x(person_key text, record_id text, nir text, birth_name text,
      birth_name_norm text, usual_name text, first_names text, birth_date date, sex text)
    on conflict (partner_id, record_type, record_id, person_key) do update set nir = excluded.nir,
      birth_name = excluded.birth_name, birth_name_norm = excluded.birth_name_norm,
      usual_name = excluded.usual_name, first_names = excluded.first_names,
      birth_date = excluded.birth_date, sex = excluded.sex`.execute(tx)
}

async function replaceReferences(tx: Transaction<Database>, partnerId: number, finals: Accepted[]) {
  // A record seen for the first time has no stored references to replace.
  const keys = finals
    .filter((a) => a.previousPersonKey !== null)
    .map((a) => ({ person_key: a.prepared.personKey, record_id: a.prepared.id }))
  if (keys.length > 0)
    await sql`delete from shared_reference c using json_to_recordset(${jsonRows(keys)}) as x(person_key text, record_id text)
    where c.person_key = x.person_key and c.partner_id = ${partnerId} and c.record_id = x.record_id`.execute(
      tx,
    )
  const refs = finals.flatMap((a) => {
    const r = a.prepared
    const unique = new Map(r.sharedWith.map((s) => [`${s.partner}\u0000${s.id}`, s]))
    return [...unique.values()].map((s) => ({
      person_key: r.personKey,
      record_id: r.id,
      ref_partner: s.partner,
      ref_record_id: s.id,
    }))
  })
  if (refs.length === 0) return
  await sql`insert into shared_reference (person_key, partner_id, record_id, ref_partner, ref_record_id)
    select x.person_key, ${partnerId}, x.record_id, x.ref_partner, x.ref_record_id
    from json_to_recordset(${jsonRows(refs)}) as x(person_key text, record_id text, ref_partner text, ref_record_id text)`.execute(
    tx,
  )
}

async function recordRejected(tx: Transaction<Database>, context: BatchContext, results: RecordResult[]) {
  const rejected = results
    .filter((r) => r.errors)
    .map((r) => ({
      position: r.index,
      record_type: r.type,
      record_id: r.id,
      outcome: r.outcome,
      errors: r.errors,
    }))
  if (rejected.length === 0) return
  await sql`insert into rejected_record (transmission_id, partner_id, position, record_type, record_id, outcome, errors)
    select ${context.transmissionId}, ${context.partnerId}, x.position, x.record_type, x.record_id, x.outcome, x.errors::jsonb
    from json_to_recordset(${jsonRows(rejected)}) as x(position integer, record_type text, record_id text, outcome text, errors json)`.execute(
    tx,
  )
}

/** Counts results by outcome. */
export function countResults(results: readonly RecordResult[]): OutcomeCounts {
  const counts: OutcomeCounts = { created: 0, updated: 0, unchanged: 0, stale: 0, conflict: 0, invalid: 0 }
  for (const r of results) counts[r.outcome]++
  return counts
}

async function countOutcomes(tx: Transaction<Database>, transmissionId: number, results: RecordResult[]) {
  const c = countResults(results)
  // The clock now, not the transaction's start: the batch's work is done and commits next.
  await sql`update transmission set lines = lines + ${results.length}, created = created + ${c.created},
    updated = updated + ${c.updated}, unchanged = unchanged + ${c.unchanged}, stale = stale + ${c.stale},
    conflict = conflict + ${c.conflict}, invalid = invalid + ${c.invalid}, progressed_at = clock_timestamp()
    where id = ${transmissionId}`.execute(tx)
}
