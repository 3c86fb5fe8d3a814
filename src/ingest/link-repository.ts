import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/database.ts'
import { jsonRows, textArray } from '../db/json-param.ts'
import { findLinks, groupLinks, type LinkCandidate, recordKey } from './link-shared.ts'

interface CandidateRow {
  person_key: string
  partner_id: number
  partner_code: string
  record_id: string
  organism_siret: string
  certification_code: string | null
  planned_start: string
  shared_dossier_id: string | null
  refs: { partner: string; id: string }[] | string | null
}

async function candidatesOf(db: Kysely<Database>, persons: Set<string>): Promise<CandidateRow[]> {
  const { rows } = await sql<CandidateRow>`
    select d.person_key, d.partner_id, p.code as partner_code, d.record_id, d.organism_siret,
      d.certification_code, d.planned_start::text as planned_start, d.shared_dossier_id,
      (select json_agg(json_build_object('partner', s.ref_partner, 'id', s.ref_record_id))
         from shared_reference s
        where s.person_key = d.person_key and s.partner_id = d.partner_id and s.record_id = d.record_id) as refs
    from dossier_current d join partner p on p.id = d.partner_id
    where d.person_key = any(${textArray(persons)})`.execute(db)
  return rows
}

// Records of other persons linked to the candidates, now or before this change: a sharedWith may
// cross persons (a partner's typo in a NIR), and the group must still be whole whatever the arrival
// order. The records a candidate names or is named by, as the references stand now; and the members
// of a candidate's group as stored, with the records linked to it, so that a record a sharedWith no
// longer names (removed or corrected) is taken out of the group, and its partner stops reading it.
async function neighbourPersons(db: Kysely<Database>, rows: CandidateRow[]): Promise<string[]> {
  const named = rows.flatMap((r) => refsOf(r).map((ref) => ({ code: ref.partner, id: ref.id })))
  const keys = rows.map((r) => ({ code: r.partner_code, id: r.record_id }))
  const records = rows.map((r) => ({ partner_id: r.partner_id, id: r.record_id }))
  const groups = [...new Set(rows.flatMap((r) => (r.shared_dossier_id ? [r.shared_dossier_id] : [])))]
  const { rows: found } = await sql<{ person_key: string }>`
    select d.person_key from dossier_current d join partner p on p.id = d.partner_id
      join json_to_recordset(${JSON.stringify(named)}::json) as x(code text, id text)
        on x.code = p.code and x.id = d.record_id
    union
    select s.person_key from shared_reference s
      join json_to_recordset(${JSON.stringify(keys)}::json) as y(code text, id text)
        on y.code = s.ref_partner and y.id = s.ref_record_id
    union
    select d.person_key from dossier_current d where d.shared_dossier_id = any(${textArray(groups)})
    union
    select l.person_key from shared_link l
      join json_to_recordset(${JSON.stringify(records)}::json) as z(partner_id integer, id text)
        on z.partner_id = l.other_partner_id and z.id = l.other_record_id`.execute(db)
  return found.map((r) => r.person_key)
}

function refsOf(row: CandidateRow): { partner: string; id: string }[] {
  if (!row.refs) return []
  return typeof row.refs === 'string' ? JSON.parse(row.refs) : row.refs
}

/**
 * Recomputes the shared-dossier links and group ids of every dossier of the given persons and of
 * every person linked to them, now or before the change (see neighbourPersons). Called in the
 * transaction that changed them, with the given persons locked; `lockMore` locks the linked
 * persons found on the way (sorted) before their records are read, or throws.
 */
export async function relinkPersons(
  db: Kysely<Database>,
  start: Iterable<string>,
  lockMore: (persons: readonly string[]) => Promise<void> = async () => {},
): Promise<void> {
  const persons = new Set(start)
  if (persons.size === 0) return
  let rows = await candidatesOf(db, persons)
  // Until no linked person is left out: a group cut short would keep stale ids, and its partners
  // would read records no longer linked to theirs. Each round adds persons, so this ends.
  for (;;) {
    const more = (await neighbourPersons(db, rows)).filter((p) => !persons.has(p)).sort()
    if (more.length === 0) break
    await lockMore(more)
    for (const p of more) persons.add(p)
    rows = await candidatesOf(db, persons)
  }
  const candidates: LinkCandidate[] = rows.map((r) => ({
    personKey: r.person_key,
    partnerId: r.partner_id,
    partnerCode: r.partner_code,
    recordId: r.record_id,
    siret: r.organism_siret,
    certificationCode: r.certification_code,
    plannedStart: r.planned_start,
    sharedWith: refsOf(r),
  }))
  const links = findLinks(candidates)
  const groups = groupLinks(links)

  await sql`delete from shared_link where person_key = any(${textArray(persons)})`.execute(db)
  if (links.length > 0) {
    const linkRows = links.flatMap(({ a, b, reason }) => [
      {
        person_key: a.personKey,
        partner_id: a.partnerId,
        record_id: a.recordId,
        other_partner_id: b.partnerId,
        other_record_id: b.recordId,
        reason,
      },
      {
        person_key: b.personKey,
        partner_id: b.partnerId,
        record_id: b.recordId,
        other_partner_id: a.partnerId,
        other_record_id: a.recordId,
        reason,
      },
    ])
    await sql`insert into shared_link (person_key, partner_id, record_id, other_partner_id, other_record_id, reason)
      select * from json_to_recordset(${jsonRows(linkRows)})
        as x(person_key text, partner_id integer, record_id text, other_partner_id integer, other_record_id text, reason text)`.execute(
      db,
    )
  }
  const changes = rows
    .map((r) => ({
      person_key: r.person_key,
      partner_id: r.partner_id,
      record_id: r.record_id,
      old: r.shared_dossier_id,
      gid: groups.get(recordKey({ partnerCode: r.partner_code, recordId: r.record_id })) ?? null,
    }))
    .filter((c) => c.old !== c.gid)
    .map(({ old: _old, ...c }) => c)
  if (changes.length > 0) {
    await sql`update dossier_current d set shared_dossier_id = x.gid
      from json_to_recordset(${jsonRows(changes)}) as x(person_key text, partner_id integer, record_id text, gid text)
      where d.person_key = x.person_key and d.partner_id = x.partner_id and d.record_id = x.record_id`.execute(
      db,
    )
  }
}
