/**
 * Follow-up cohorts: which cohorts a dataset's follow-up rates cover, and when the next one comes
 * in (cohorts are counted only once observed whole: ../indicators/cohort.ts). Lines of
 * "Couverture", and the changelog's "now observed".
 * @module
 */
import { MEASURES, type PopulationName } from '../definition/catalogue.ts'
import { cohortObservedOn, lastObservedYear } from '../indicators/cohort.ts'
import { formatDate } from './french.ts'

/** A measure that counts the members of cohorts observed at a horizon. */
export interface FollowUp {
  readonly measure: string
  readonly months: number
  /** The members of the cohort of `year`, in French (`les sorties de 2025`). */
  readonly cohort: (year: number) => string
  /** The members of every cohort up to `year` (`les sorties jusqu’à 2025`). */
  readonly upTo: (year: number) => string
}

/** How each population's cohorts read: exits by year of exit, CEP periods by year of start. */
const COHORTS: Partial<Record<PopulationName, Pick<FollowUp, 'cohort' | 'upTo'>>> = {
  sorties: {
    cohort: (year) => `les sorties de ${year}`,
    upTo: (year) => `les sorties jusqu’à ${year}`,
  },
  cep: {
    cohort: (year) => `les périodes commencées en ${year}`,
    upTo: (year) => `les périodes commencées jusqu’en ${year}`,
  },
}

/** The follow-up measures of the catalogue: those with a horizon (`followUpMonths`). */
export const FOLLOW_UPS: readonly FollowUp[] = Object.values(MEASURES).flatMap((info) => {
  const phrasing = COHORTS[info.populations[0]!]
  if (info.followUpMonths === undefined) return []
  if (!phrasing) throw new Error(`${info.name}: no cohort phrasing for population ${info.populations[0]}`)
  return [{ measure: info.name, months: info.followUpMonths, ...phrasing }]
})

/** One Markdown line per follow-up horizon among `measures`, for data as of `asOf`. */
export function followUpLines(measures: readonly string[], asOf: string): string[] {
  return FOLLOW_UPS.filter((f) => measures.includes(f.measure)).map((f) => {
    const last = lastObservedYear(asOf, f.months)
    const next = cohortObservedOn(`${last + 1}-01-01`, f.months)
    return `**Suivi à ${f.months} mois** : observé pour ${f.upTo(last)} (\`${f.measure}\`) ; ${f.cohort(last + 1)} le seront le ${formatDate(next)}, une fois toute l’année observée.`
  })
}
