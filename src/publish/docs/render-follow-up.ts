/**
 * The follow-up lines of "Couverture": which cohorts a dataset's follow-up rates cover, and when
 * the next one comes in (cohorts are counted only once observed whole: indicators/cohort.ts).
 * @module
 */
import { cohortObservedOn } from '../indicators/cohort.ts'
import { formatDate } from './french.ts'

// The measures that count the members of a cohort observed at a horizon, and what the cohort is.
const FOLLOW_UPS = [
  { measure: 'nb_connus_6m', months: 6, members: 'les sorties', until: 'jusqu’à', next: 'celles de' },
  { measure: 'nb_connus_12m', months: 12, members: 'les sorties', until: 'jusqu’à', next: 'celles de' },
  {
    measure: 'nb_suivis_connus',
    months: 12,
    members: 'les périodes commencées',
    until: 'jusqu’en',
    next: 'celles de',
  },
] as const

/** The last year whose cohort is observed at `months` months on `asOf`. */
export function lastObservedYear(asOf: string, months: number): number {
  let year = Number(asOf.slice(0, 4))
  while (cohortObservedOn(`${year}-01-01`, months) > asOf) year--
  return year
}

/** One Markdown line per follow-up horizon among `measures`, for data as of `asOf`. */
export function followUpLines(measures: readonly string[], asOf: string): string[] {
  return FOLLOW_UPS.filter((f) => measures.includes(f.measure)).map((f) => {
    const last = lastObservedYear(asOf, f.months)
    const next = cohortObservedOn(`${last + 1}-01-01`, f.months)
    return `**Suivi à ${f.months} mois** : observé pour ${f.members} ${f.until} ${last} (\`${f.measure}\`) ; ${f.next} ${last + 1} le seront le ${formatDate(next)}, une fois toute l’année observée.`
  })
}
