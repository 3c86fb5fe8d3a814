import { dossierKey } from './sql-parts.ts'

/**
 * `publish_tmp_funding`: the funding lines that count, one row per (record, funder) with its
 * committed euros, cancelled records left out. A record may list a co-funder's line beside its
 * own (spec: `funding[].funder` "may be another partner than the sender"), and the co-funder may
 * send its own record of the same shared dossier too:
 *
 * - a partner's line for itself always counts;
 * - a line for another funder counts only when that funder sent no record of the shared dossier
 *   (its own record then says what it committed), and only from the first record naming it
 *   (partner code, then record id, byte order), so that two records listing it count it once;
 * - a funder code that names no registered partner is credited to the sender, the only funder
 *   the hub can name (the published list of funders is the partners' register).
 *
 * Rows written before the lines were kept (`funding` null) count as one line of the sender.
 */
export const createFundingLines = `create unlogged table publish_tmp_funding as
with lines as materialized (
  select ${dossierKey('d', 'p')} as dossier_key, d.shared_dossier_id, d.partner_id, d.record_id,
    p.code as sender, coalesce(fp.code, p.code) as funder, f.committed
  from dossier_current d
  join partner p on p.id = d.partner_id
  cross join lateral jsonb_to_recordset(coalesce(d.funding,
    jsonb_build_array(jsonb_build_object('funder', p.code, 'committed', d.committed)))) as f(funder text, committed numeric)
  left join partner fp on fp.code = f.funder
  where d.status <> 'ANNULE'
),
others as (
  select l.*, dense_rank() over (partition by l.dossier_key, l.funder
      order by l.sender collate "C", l.record_id collate "C") as naming_rank
  from lines l where l.funder <> l.sender
)
select dossier_key, shared_dossier_id is not null as shared, partner_id, record_id, funder,
  sum(committed) as committed
from (
  select dossier_key, shared_dossier_id, partner_id, record_id, funder, committed from lines where funder = sender
  union all
  select o.dossier_key, o.shared_dossier_id, o.partner_id, o.record_id, o.funder, o.committed from others o
  where o.naming_rank = 1 and not (o.shared_dossier_id is not null and exists (
    select 1 from dossier_current c join partner cp on cp.id = c.partner_id
    where c.shared_dossier_id = o.shared_dossier_id and cp.code = o.funder and c.status <> 'ANNULE'))
) k
group by dossier_key, shared_dossier_id, partner_id, record_id, funder`
