import { nirKeyIsValid } from '../../../lib/nir.ts'
import { type Finding, finding } from '../../findings.ts'
import type { PersonInput } from '../input.ts'
import { fieldName } from '../pointer.ts'
import { none } from '../types.ts'

/**
 * A NIR given with its key (15 characters) has the right key: 97 − (NIR13 mod 97), 2A read as 19
 * and 2B as 18 (spec/README.md, "NIR"). The message shows neither the NIR nor its key.
 */
export function nirKeyMatches(person: PersonInput, personPointer: string): readonly Finding[] {
  if (person.nir.length !== 15 || nirKeyIsValid(person.nir)) return none
  const pointer = `${personPointer}/nir`
  return [
    finding(
      pointer,
      'person/invalid-nir-key',
      `${fieldName(pointer)} has a wrong key (the last 2 characters must be 97 − (the first 13 mod 97), with 2A read as 19 and 2B as 18)`,
    ),
  ]
}
