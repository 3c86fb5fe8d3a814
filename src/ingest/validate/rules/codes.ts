import { type Finding, finding } from '../../findings.ts'
import type { PersonInput } from '../input.ts'
import { fieldName } from '../pointer.ts'
import { none, type ValidationContext } from '../types.ts'

/**
 * Codes checked against the reference lists in `ctx.codes` (spec/README.md, "Codes"). Each
 * finding names the field and the value; none of these values is personal.
 */

function unknown(pointer: string, code: string, value: string | number, what: string): readonly Finding[] {
  return [finding(pointer, code, `${fieldName(pointer)} ${JSON.stringify(value)} is not a known ${what}`)]
}

/** `dispositif` in reference/codes/dispositifs.csv. */
export function knownDispositif(value: string, ctx: ValidationContext): readonly Finding[] {
  return ctx.codes.dispositifs.has(value)
    ? none
    : unknown('/dispositif', 'code/unknown-dispositif', value, 'dispositif (reference/codes/dispositifs.csv)')
}

/** `statusAtEntry`, when given, in reference/codes/statuts_stagiaire.csv. */
export function knownStatusAtEntry(value: string | undefined, ctx: ValidationContext): readonly Finding[] {
  return value === undefined || ctx.codes.statutsStagiaire.has(value)
    ? none
    : unknown(
        '/statusAtEntry',
        'code/unknown-status-at-entry',
        value,
        'status at entry (reference/codes/statuts_stagiaire.csv)',
      )
}

/** A commune code, when given, in the INSEE commune list. */
export function knownCommune(
  pointer: string,
  value: string | null | undefined,
  ctx: ValidationContext,
): readonly Finding[] {
  return value == null || ctx.codes.communes.has(value)
    ? none
    : unknown(pointer, 'code/unknown-commune', value, 'INSEE commune code')
}

/** An NSF code, when given: a known 3-digit specialty group, then optionally a known letter. */
export function knownNsf(value: string | null | undefined, ctx: ValidationContext): readonly Finding[] {
  if (value == null) return none
  const group = value.slice(0, 3)
  const letter = value.slice(3)
  const known = ctx.codes.nsfGroups.has(group) && (letter === '' || ctx.codes.nsfLetters.has(letter))
  return known
    ? none
    : unknown(
        '/training/nsf',
        'code/unknown-nsf',
        value,
        'NSF code (a group of reference/codes/nsf_groupes_specialites.csv, optionally followed by a letter of nsf_codes_lettres.csv)',
      )
}

/** A certification level, when given, in reference/codes/niveaux_certification.csv. */
export function knownLevel(
  pointer: string,
  value: number | null | undefined,
  ctx: ValidationContext,
): readonly Finding[] {
  return value == null || ctx.codes.certificationLevels.has(value)
    ? none
    : unknown(
        pointer,
        'code/unknown-certification-level',
        value,
        'certification level (reference/codes/niveaux_certification.csv)',
      )
}

/** The codes of a person: commune of residence and education level. */
export function knownPersonCodes(
  person: PersonInput,
  personPointer: string,
  ctx: ValidationContext,
): readonly Finding[] {
  const commune = knownCommune(`${personPointer}/residenceCommune`, person.residenceCommune, ctx)
  const level = knownLevel(`${personPointer}/educationLevel`, person.educationLevel, ctx)
  return commune.length === 0 && level.length === 0 ? none : [...commune, ...level]
}
