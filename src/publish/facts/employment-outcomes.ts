import { dossierRows } from './dossier-rows.ts'
import { cohortObservedSql, plusMonths } from './sql-parts.ts'

/**
 * Employment outcomes at 6 and 12 months of every exited dossier, in SQL, exactly as
 * `employmentOutcome()` of ../indicators/employment.ts computes them (the tests compare the two).
 * Two narrow work tables:
 *
 * - `publish_tmp_spell`: each dossier's person, entry and exit (the trainings a person follows,
 *   the person's other dossiers being the "other trainings" of one of them);
 * - `publish_tmp_employment`: for exited dossiers whose cohort (year of exit) is observed at
 *   6 months (../indicators/cohort.ts), what the
 *   person's DSN contracts and other trainings say at each horizon. A dossier without any contract
 *   or other training around its exit has no row (all false). Whether a horizon is known, and the
 *   gating of every outcome by it, is left to the fact table.
 * @module
 */

/** `publish_tmp_spell` (see the module comment). Needs `publish_tmp_shared`. */
export const createSpells = `create unlogged table publish_tmp_spell as
  select dossier_key, person_key, entry_date, exit_date from (${dossierRows}) r
  where entry_date is not null or exit_date is not null`

/** `publish_tmp_employment` (see the module comment). Needs `publish_tmp_spell`. */
export function createEmployment(asOf: string): string {
  const h6 = plusMonths('e.exit_date', 6)
  const h12 = plusMonths('e.exit_date', 12)
  const last = `coalesce(c.end_date, ${asOf})`
  // A contract lasts at least n months when its last day (a running one: the date of the data)
  // reaches the same day n months later minus one (1 January to 30 June is six months).
  const lastsAtLeast = (months: number) => `${last} + 1 >= ${plusMonths('c.start_date', months)}`
  const covers = (horizon: string) =>
    `(c.start_date <= ${horizon} and (c.end_date is null or c.end_date >= ${horizon}))`
  // Several contracts covering the horizon: a CDI first (always lasting), else the longest, ties
  // by DSN line (the order the JS function receives them in). The longest is found by a plain
  // max() over one bigint packing (length in days, inverted line, lasting flag), so that no
  // per-dossier sort is needed; its lowest bit is the lasting flag of that contract.
  const longestLasting = (horizon: string) => `coalesce(max(
      (${last} - c.start_date)::bigint * 4294967296 + (2147483647 - c.line)::bigint * 2
      + case when c.contract_type in ('CDD','INTERIM') and ${lastsAtLeast(6)} then 1 else 0 end
    ) filter (where ${covers(horizon)}) % 2 = 1, false)`
  // `exited` is read twice: inlined rather than materialised, so that both joins can run in parallel.
  return `create unlogged table publish_tmp_employment as
     with exited as not materialized (
       select dossier_key, person_key, exit_date from publish_tmp_spell
       where ${cohortObservedSql('exit_date', 6, asOf)}
     ),
     contracts as (
       select e.dossier_key,
         bool_or(${covers(h6)}) as salaried6,
         bool_or(${covers(h6)} and c.contract_type = 'CDI') or ${longestLasting(h6)} as lasting6,
         bool_or(c.start_date >= e.exit_date and c.start_date <= ${h6} and ${lastsAtLeast(1)}) as access6,
         bool_or(${covers(h12)}) as salaried12
       from exited e
       join dsn_contract c on c.person_key = e.person_key
       where c.start_date <= ${h12} and (c.end_date is null or c.end_date >= e.exit_date)
       group by e.dossier_key
     ),
     trainings as (
       select e.dossier_key,
         bool_or(o.entry_date <= ${h6} and (o.exit_date is null or o.exit_date >= ${h6})) as in_training6,
         bool_or(o.entry_date <= ${h12} and (o.exit_date is null or o.exit_date >= ${h12})) as in_training12
       from exited e
       join publish_tmp_spell o on o.person_key = e.person_key and o.dossier_key <> e.dossier_key
       where o.entry_date <= ${h12} and (o.exit_date is null or o.exit_date >= ${h6})
       group by e.dossier_key
     )
     select coalesce(c.dossier_key, t.dossier_key) as dossier_key, c.salaried6, c.lasting6, c.access6,
       c.salaried12, t.in_training6, t.in_training12
     from contracts c
     full join trainings t on t.dossier_key = c.dossier_key`
}
