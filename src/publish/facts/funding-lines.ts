import { dossierKey } from './sql-parts.ts'

/*
 * The funding lines that count. A record may list a co-funder's line beside its own (spec:
 * `funding[].funder` "may be another partner than the sender"), and the co-funder may send its
 * own record of the same shared dossier too:
 *
 * - a partner's lines for itself always count, and so do lines naming no registered partner
 *   (credited to the sender, the only funder the hub can name: the published list of funders is
 *   the partners' register);
 * - a line for another registered funder counts only when that funder sent no record of the
 *   shared dossier (its own record then says what it committed), and only from the first record
 *   naming it (partner code, then record id, byte order), so that two records listing it count
 *   it once.
 *
 * Rows written before the lines were kept (`funding` null) count as one line of the sender. Most
 * records hold one line, the sender's: they are read without unpacking their lines.
 */

/** A record's own lines (see above), as SQL over `d` (dossier_current) and `p` (its partner); null when it has none. */
export function ownCommitted(d: string, p: string): string {
  return `case when ${d}.funding is null
      or (jsonb_array_length(${d}.funding) = 1 and ${d}.funding->0->>'funder' = ${p}.code) then ${d}.committed
    else (select sum(f.committed) from jsonb_to_recordset(${d}.funding) as f(funder text, committed numeric)
      where f.funder = ${p}.code or not exists (select 1 from partner x where x.code = f.funder)) end`
}

/**
 * `publish_tmp_funding`: the lines for other registered funders that count, one row per (record,
 * funder), cancelled records left out. Only records whose lines are not all the sender's are
 * unpacked.
 */
/** The query of `publish_tmp_funding` (see `createFundingLines`). */
export const fundingLinesSelect = `with others as (
  select ${dossierKey('d', 'p')} as dossier_key, d.shared_dossier_id, d.partner_id, d.record_id,
    p.code as sender, fp.code as funder, f.committed
  from dossier_current d
  join partner p on p.id = d.partner_id
  cross join lateral jsonb_to_recordset(d.funding) as f(funder text, committed numeric)
  join partner fp on fp.code = f.funder
  where d.status <> 'ANNULE' and d.funding is not null
    and (jsonb_array_length(d.funding) > 1 or d.funding->0->>'funder' <> p.code)
    and f.funder <> p.code
),
ranked as (
  select o.*, dense_rank() over (partition by o.dossier_key, o.funder
      order by o.sender collate "C", o.record_id collate "C") as naming_rank
  from others o
)
select dossier_key, shared_dossier_id, partner_id, record_id, funder, sum(committed) as committed
from ranked r
where r.naming_rank = 1 and not (r.shared_dossier_id is not null and exists (
  select 1 from dossier_current c join partner cp on cp.id = c.partner_id
  where c.shared_dossier_id = r.shared_dossier_id and cp.code = r.funder and c.status <> 'ANNULE'))
group by dossier_key, shared_dossier_id, partner_id, record_id, funder`

/** The statement creating `publish_tmp_funding` (`fundingLinesSelect`). */
export const createFundingLines = `create unlogged table publish_tmp_funding as ${fundingLinesSelect}`
