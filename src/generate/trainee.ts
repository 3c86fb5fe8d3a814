/**
 * A person as a partner writes it in a record (`trainee` / `beneficiary`): the same identity for
 * every partner, written in the partner's style (name case, NIR with or without key).
 * @module
 */
import type { PartnerStyle } from './context.ts'
import { plainUpper } from './names.ts'
import type { SyntheticPerson } from './person.ts'
import type { Random } from './random.ts'

/** The JSON object of the `person` schema for one record. */
export interface PersonJson {
  nir: string
  birthName: string
  usualName?: string | null
  firstNames: string
  birthDate: string
  sex: 'F' | 'M'
  residenceCommune: string
  qpv?: string | null
  educationLevel?: number | null
  disability?: boolean | null
}

function styled(name: string, style: PartnerStyle): string {
  if (style.names === 'upper') return name.toUpperCase()
  if (style.names === 'plain') return plainUpper(name)
  return name
}

/** The person object a partner sends (a fresh object: records may later change their residence). */
export function personJson(rng: Random, person: SyntheticPerson, style: PartnerStyle): PersonJson {
  const json: PersonJson = {
    nir: rng.chance(style.nir13Share) ? person.nir13 : person.nir15,
    birthName: styled(person.birthName, style),
    firstNames: style.names === 'plain' ? plainUpper(person.firstNames) : person.firstNames,
    birthDate: person.birthDate,
    sex: person.sex,
    residenceCommune: person.residence,
  }
  if (person.usualName) json.usualName = styled(person.usualName, style)
  else if (style.explicitNulls) json.usualName = null
  if (person.qpv || style.explicitNulls) json.qpv = person.qpv
  if (person.educationLevel !== null || style.explicitNulls) json.educationLevel = person.educationLevel
  if (person.disability !== null || style.explicitNulls) json.disability = person.disability
  return json
}
