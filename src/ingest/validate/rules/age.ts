import { type Finding, finding } from '../../findings.ts'
import { ageAt } from '../dates.ts'
import type { PersonInput } from '../input.ts'
import { fieldName } from '../pointer.ts'
import { none } from '../types.ts'

/** Inclusive bounds of a person's age when the training or accompaniment starts (spec/README.md, "Coherence"). */
export const MIN_AGE = 14
export const MAX_AGE = 90

/**
 * The person is between 14 and 90 years old on `startPointer`'s date. The message gives the age
 * and the start date, never the date of birth (personal data).
 */
export function ageInRange(
  person: PersonInput,
  personPointer: string,
  start: string,
  startPointer: string,
): readonly Finding[] {
  const age = ageAt(person.birthDate, start)
  if (age >= MIN_AGE && age <= MAX_AGE) return none
  const birth = `${personPointer}/birthDate`
  return [
    finding(
      birth,
      'person/age-out-of-range',
      `${fieldName(birth)} gives an age of ${age} at ${fieldName(startPointer)} "${start}" (age must be between ${MIN_AGE} and ${MAX_AGE})`,
    ),
  ]
}
