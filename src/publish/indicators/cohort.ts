import { addMonths } from '../../lib/dates.ts'

/**
 * The day from which the whole cohort of `date` (its calendar year) is observed `months` later:
 * 31 December of that year plus `months` (30 June of the next year at 6 months).
 *
 * Published follow-up rates count a cohort only once all of it is observed, not exit by exit:
 * otherwise each monthly release would publish the year with a few more members observed, and a
 * cell published with a count too small to hide would gain a small, new rate every month, which
 * no protection can hide once its neighbours' values are public (README, "Releases"). Once closed,
 * a cohort's figures change only with late transmissions.
 */
export function cohortObservedOn(date: string, months: number): string {
  return addMonths(`${date.slice(0, 4)}-12-31`, months)
}

/** Whether the cohort of `date` is observed at `months` months on `asOf` (see cohortObservedOn). */
export function cohortObserved(date: string, months: number, asOf: string): boolean {
  return cohortObservedOn(date, months) <= asOf
}

/** The last year whose cohort is observed at `months` months on `asOf`. */
export function lastObservedYear(asOf: string, months: number): number {
  let year = Number(asOf.slice(0, 4))
  while (cohortObservedOn(`${year}-01-01`, months) > asOf) year--
  return year
}
