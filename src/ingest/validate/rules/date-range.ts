import { type Finding, finding } from '../../findings.ts'
import { addYears } from '../dates.ts'
import { echo } from '../describe.ts'
import type { CepInput, DossierInput } from '../input.ts'
import { fieldName } from '../pointer.ts'
import { none, type ValidationContext } from '../types.ts'

/**
 * Every date of a record lies between 1900-01-01 and two years after the hub's date
 * (spec/README.md, "Coherence"): a guard against typos such as 1024 or 2204.
 */

export const EARLIEST_DATE = '1900-01-01'
export const YEARS_AHEAD = 2

/** A date of a record: where it is, the value to show, and its `YYYY-MM-DD` day. */
interface DatedField {
  readonly pointer: string
  readonly value: string
  readonly day: string
}

function dated(pointer: string, value: string): DatedField {
  // updatedAt counts by the day the partner wrote, before any shift to UTC.
  return { pointer, value, day: value.slice(0, 10) }
}

function datesOfDossier(r: DossierInput): DatedField[] {
  const dates = [
    dated('/updatedAt', r.updatedAt),
    dated('/trainee/birthDate', r.trainee.birthDate),
    dated('/training/plannedStart', r.training.plannedStart),
    dated('/training/plannedEnd', r.training.plannedEnd),
  ]
  if (r.entry != null) dates.push(dated('/entry/date', r.entry.date))
  if (r.exit != null) dates.push(dated('/exit/date', r.exit.date))
  return dates
}

function datesOfCep(r: CepInput): DatedField[] {
  const dates = [
    dated('/updatedAt', r.updatedAt),
    dated('/beneficiary/birthDate', r.beneficiary.birthDate),
    dated('/start', r.start),
  ]
  if (r.end != null) dates.push(dated('/end', r.end))
  return dates
}

function dateFindings(dates: readonly DatedField[], today: string): readonly Finding[] {
  const latest = addYears(today, YEARS_AHEAD)
  const findings: Finding[] = []
  for (const date of dates) {
    const found = dateFinding(date, today, latest)
    if (found !== undefined) findings.push(found)
  }
  return findings.length > 0 ? findings : none
}

/** The finding of one date, if out of range; messages are built only then (the hot path builds none). */
function dateFinding(
  { pointer, value, day }: DatedField,
  today: string,
  latest: string,
): Finding | undefined {
  if (day >= EARLIEST_DATE && day <= latest) return undefined
  const shown = `${fieldName(pointer)}${echo(pointer, value)}`
  return day < EARLIEST_DATE
    ? finding(
        pointer,
        'record/date-before-1900',
        `${shown} is before ${EARLIEST_DATE} (dates must be on or after ${EARLIEST_DATE})`,
      )
    : finding(
        pointer,
        'record/date-too-far',
        `${shown} is more than ${YEARS_AHEAD} years after today ${today} (dates must be on or before ${latest})`,
      )
}

/** Dates of a dossier within range. */
export function dossierDatesInRange(r: DossierInput, ctx: ValidationContext): readonly Finding[] {
  return dateFindings(datesOfDossier(r), ctx.today)
}

/** Dates of a CEP period within range. */
export function cepDatesInRange(r: CepInput, ctx: ValidationContext): readonly Finding[] {
  return dateFindings(datesOfCep(r), ctx.today)
}
