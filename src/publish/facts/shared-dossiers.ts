import { ownCommitted } from './funding-lines.ts'
import { KNOWN_RESULTS } from './sql-parts.ts'

/**
 * `publish_tmp_shared`: one row per shared dossier (records linked by `shared_dossier_id`,
 * cancelled records left out), saying which record describes it. Only linked records are read
 * here: a dossier of one record is its own description, so the large single-record majority
 * never goes through a window sort.
 *
 * - The **lead** record gives the dossier's attributes (person, residence, training, funder): the
 *   one with the largest `committed`, ties by partner code then record id (byte order, the same
 *   on every store). `committed` is the sum of the funding lines that count, each funder once
 *   (`publish_tmp_funding`, see funding-lines.ts), not of the records' sums: a record listing its
 *   co-funder's line would count it twice.
 * - The **progress** record gives the lifecycle (status, entry, exit, exit reason, hours
 *   completed), taken together from one record so that they stay coherent (exit ≥ entry, a reason
 *   with every exit): the lead when it is as far along as any other record, else the first
 *   record in lead order that has exited, else one that has entered. A co-funder that recorded
 *   the exit the lead has not yet sent thus shows the dossier as exited.
 * - The **certification result** is the progress record's when it is known (OBTENUE,
 *   PARTIELLE, ECHEC), else the first known result in the same order, else the progress
 *   record's (INCONNU or null): a co-funder may report a result the others leave empty.
 */
export const createSharedDossiers = `create unlogged table publish_tmp_shared as
select r.*, r.own + coalesce(f.committed, 0) as committed from (
select dossier_key,
  min(partner_id) filter (where lead_rank = 1) as lead_partner_id,
  min(record_id) filter (where lead_rank = 1) as lead_record_id,
  coalesce(sum(own), 0) as own,
  min(status) filter (where progress_rank = 1) as status,
  min(entry_date) filter (where progress_rank = 1) as entry_date,
  min(exit_date) filter (where progress_rank = 1) as exit_date,
  min(exit_reason) filter (where progress_rank = 1) as exit_reason,
  min(hours_completed) filter (where progress_rank = 1) as hours_completed,
  coalesce(min(certification_result) filter (where result_rank = 1 and certification_result in ${KNOWN_RESULTS}),
    min(certification_result) filter (where progress_rank = 1)) as certification_result
from (
  select d.shared_dossier_id as dossier_key, d.partner_id, d.record_id, d.committed, ${ownCommitted('d', 'p')} as own,
    d.status, d.entry_date,
    d.exit_date, d.exit_reason, d.hours_completed, d.certification_result,
    row_number() over (partition by d.shared_dossier_id
      order by d.committed desc, p.code collate "C", d.record_id collate "C") as lead_rank,
    row_number() over (partition by d.shared_dossier_id
      order by d.exit_date is null, d.entry_date is null, d.committed desc, p.code collate "C",
        d.record_id collate "C") as progress_rank,
    row_number() over (partition by d.shared_dossier_id
      order by coalesce(d.certification_result in ${KNOWN_RESULTS}, false) desc, d.exit_date is null,
        d.entry_date is null, d.committed desc, p.code collate "C", d.record_id collate "C") as result_rank
  from dossier_current d
  join partner p on p.id = d.partner_id
  where d.shared_dossier_id is not null and d.status <> 'ANNULE'
) r
group by dossier_key
) r
left join (select dossier_key, sum(committed) as committed from publish_tmp_funding
  where shared_dossier_id is not null group by dossier_key) f
  using (dossier_key)`
