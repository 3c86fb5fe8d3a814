/**
 * One mutation of a valid example per rule, with the whole findings array it must produce, and
 * mutations that every rule must accept. Shared by index.test.ts (which runs them all) and the
 * privacy test (which scans every message).
 */
import { type Finding, finding as f } from '../findings.ts'
import { baseCep, baseDossier, changed, ctx, type Json, without, withValue } from './test-fixtures.ts'
import type { ValidationContext } from './types.ts'

export interface FailureCase {
  readonly name: string
  readonly raw: Json
  readonly errors: readonly Finding[]
  readonly ctx?: ValidationContext
}

export interface AcceptedCase {
  readonly name: string
  readonly raw: Json
}

const D = baseDossier()
const C = baseCep()
const x60 = 'x'.repeat(60)
const PARENS_NIR = '(13 characters, or 15 with the key)'
const KEY_RULE = '(the last 2 characters must be 97 − (the first 13 mod 97), with 2A read as 19 and 2B as 18)'
const LUHN_RULE = '(La Poste, SIREN 356000000: digit sum divisible by 5)'
const AGE_RULE = '(age must be between 14 and 90)'
const BEFORE_1900 = 'is before 1900-01-01 (dates must be on or after 1900-01-01)'
const TOO_FAR = 'is more than 2 years after today 2026-11-28 (dates must be on or before 2028-11-28)'
const NSF_LISTS =
  'NSF code (a group of reference/codes/nsf_groupes_specialites.csv, optionally followed by a letter of nsf_codes_lettres.csv)'
/** Code lists without level 8, so the level rules can be seen failing (the schema stops 9 first). */
const ctxWithoutLevel8: ValidationContext = {
  ...ctx,
  codes: { ...ctx.codes, certificationLevels: new Set([1, 2, 3, 4, 5, 6, 7]) },
}

export const schemaCases: readonly FailureCase[] = [
  {
    name: 'required field missing',
    raw: without(D, '/training/title'),
    errors: [f('/training/title', 'record/required', 'training.title is required')],
  },
  {
    name: 'wrong JSON type',
    raw: withValue(D, '/version', '1'),
    errors: [f('/version', 'record/type', 'version "1" must be an integer')],
  },
  {
    name: 'object or null expected',
    raw: withValue(D, '/entry', '2024-01-08'),
    errors: [f('/entry', 'record/type', 'entry "2024-01-08" must be an object or null')],
  },
  {
    name: 'pattern',
    raw: withValue(D, '/dispositif', 'cpf'),
    errors: [
      f('/dispositif', 'record/pattern', 'dispositif "cpf" does not match the pattern ^[A-Z_]{2,16}$'),
    ],
  },
  {
    name: 'pattern in an array item',
    raw: withValue(D, '/funding/1/funder', 'r84'),
    errors: [
      f(
        '/funding/1/funder',
        'record/pattern',
        'funding[1].funder "r84" does not match the pattern ^[A-Z0-9_]{2,24}$',
      ),
    ],
  },
  {
    name: 'partner code of sharedWith',
    raw: withValue(D, '/sharedWith/0/partner', 'R'),
    errors: [
      f(
        '/sharedWith/0/partner',
        'record/pattern',
        'sharedWith[0].partner "R" does not match the pattern ^[A-Z0-9_]{2,24}$',
      ),
    ],
  },
  {
    name: 'enum',
    raw: withValue(D, '/status', 'FOO'),
    errors: [f('/status', 'record/enum', 'status "FOO" is not one of "ACCEPTE", "ENTRE", "SORTI", "ANNULE"')],
  },
  {
    name: 'enum with null',
    raw: withValue(D, '/certificationResult', 'REUSSI'),
    errors: [
      f(
        '/certificationResult',
        'record/enum',
        'certificationResult "REUSSI" is not one of "OBTENUE", "PARTIELLE", "ECHEC", "INCONNU", null',
      ),
    ],
  },
  {
    name: 'impossible date',
    raw: withValue(D, '/training/plannedStart', '2024-02-30'),
    errors: [
      f(
        '/training/plannedStart',
        'record/format',
        'training.plannedStart "2024-02-30" is not a valid date (YYYY-MM-DD)',
      ),
    ],
  },
  {
    name: 'date-time without offset',
    raw: withValue(D, '/updatedAt', '2024-03-01T10:00:00'),
    errors: [
      f(
        '/updatedAt',
        'record/format',
        'updatedAt "2024-03-01T10:00:00" is not a valid date-time (RFC 3339 with an offset, e.g. 2024-03-01T10:00:00+01:00)',
      ),
    ],
  },
  {
    name: 'additional property',
    raw: withValue(D, '/training/organism/name', 'ACME'),
    errors: [
      f(
        '/training/organism/name',
        'record/additional-property',
        'training.organism.name is not an allowed property',
      ),
    ],
  },
  {
    name: 'too long (value cut in the message)',
    raw: withValue(D, '/training/title', 'x'.repeat(301)),
    errors: [
      f(
        '/training/title',
        'record/too-long',
        `training.title "${x60}…" is too long (at most 300 characters)`,
      ),
    ],
  },
  {
    name: 'too short',
    raw: withValue(D, '/id', ''),
    errors: [
      f('/id', 'record/too-short', 'id "" is too short (at least 1 character)'),
      f('/id', 'record/pattern', 'id "" does not match the pattern ^[A-Za-z0-9._:-]+$'),
    ],
  },
  {
    name: 'minimum',
    raw: withValue(D, '/version', 0),
    errors: [f('/version', 'record/minimum', 'version 0 is too small (must be at least 1)')],
  },
  {
    name: 'exclusive minimum',
    raw: withValue(D, '/training/plannedHours', 0),
    errors: [
      f(
        '/training/plannedHours',
        'record/minimum',
        'training.plannedHours 0 is too small (must be greater than 0)',
      ),
    ],
  },
  {
    name: 'maximum',
    raw: withValue(D, '/training/plannedHours', 5001),
    errors: [
      f(
        '/training/plannedHours',
        'record/maximum',
        'training.plannedHours 5001 is too large (must be at most 5000)',
      ),
    ],
  },
  {
    name: 'too many items',
    raw: withValue(D, '/training/formacode', ['31054', '31054', '31054', '31054', '31054', '31054']),
    errors: [f('/training/formacode', 'record/too-many-items', 'training.formacode has 6 items (at most 5)')],
  },
  {
    name: 'too few items',
    raw: withValue(D, '/funding', []),
    errors: [f('/funding', 'record/too-few-items', 'funding has 0 items (at least 1)')],
  },
  {
    name: 'cep level',
    raw: withValue(C, '/level', 3),
    errors: [f('/level', 'record/enum', 'level 3 is not one of 1, 2')],
  },
  {
    name: 'cep end format',
    raw: withValue(C, '/end', '2024-13-01'),
    errors: [f('/end', 'record/format', 'end "2024-13-01" is not a valid date (YYYY-MM-DD)')],
  },
  {
    name: 'cep required beneficiary field',
    raw: without(C, '/beneficiary/sex'),
    errors: [f('/beneficiary/sex', 'record/required', 'beneficiary.sex is required')],
  },
]

/** Schema errors on personal fields: named, never echoed. */
export const personalSchemaCases: readonly FailureCase[] = [
  {
    name: 'NIR too short',
    raw: withValue(D, '/trainee/nir', '285057505604'),
    errors: [f('/trainee/nir', 'record/pattern', `trainee.nir does not match the NIR format ${PARENS_NIR}`)],
  },
  {
    name: 'NIR too long',
    raw: withValue(D, '/trainee/nir', '28505750560481699'),
    errors: [f('/trainee/nir', 'record/pattern', `trainee.nir does not match the NIR format ${PARENS_NIR}`)],
  },
  {
    name: 'NIR as a number',
    raw: withValue(D, '/trainee/nir', 2850575056048),
    errors: [f('/trainee/nir', 'record/type', 'trainee.nir must be a string')],
  },
  {
    name: 'cep NIR pattern',
    raw: withValue(C, '/beneficiary/nir', '4850575056048'),
    errors: [
      f('/beneficiary/nir', 'record/pattern', `beneficiary.nir does not match the NIR format ${PARENS_NIR}`),
    ],
  },
  {
    name: 'birth name too long',
    raw: withValue(D, '/trainee/birthName', 'DUPONT'.repeat(17)),
    errors: [
      f('/trainee/birthName', 'record/too-long', 'trainee.birthName is too long (at most 100 characters)'),
    ],
  },
  {
    name: 'first names empty',
    raw: withValue(D, '/trainee/firstNames', ''),
    errors: [
      f('/trainee/firstNames', 'record/too-short', 'trainee.firstNames is too short (at least 1 character)'),
    ],
  },
  {
    name: 'usual name of the wrong type',
    raw: withValue(D, '/trainee/usualName', ['MARTIN']),
    errors: [f('/trainee/usualName', 'record/type', 'trainee.usualName must be a string or null')],
  },
  {
    name: 'birth date impossible',
    raw: withValue(D, '/trainee/birthDate', '1985-02-30'),
    errors: [f('/trainee/birthDate', 'record/format', 'trainee.birthDate is not a valid date (YYYY-MM-DD)')],
  },
  {
    name: 'unknown person property holding a NIR',
    raw: withValue(D, '/trainee/nirKey', '2850575056048 16'),
    errors: [f('/trainee/nirKey', 'record/additional-property', 'trainee.nirKey is not an allowed property')],
  },
  {
    name: 'person given as a string',
    raw: withValue(D, '/trainee', 'DUPONT Marie 2850575056048'),
    errors: [f('/trainee', 'record/type', 'trainee must be an object')],
  },
  {
    name: 'cep birth name of the wrong type',
    raw: withValue(C, '/beneficiary/birthName', 42),
    errors: [f('/beneficiary/birthName', 'record/type', 'beneficiary.birthName must be a string')],
  },
  {
    name: 'public person field is echoed',
    raw: withValue(D, '/trainee/sex', 'X'),
    errors: [f('/trainee/sex', 'record/enum', 'trainee.sex "X" is not one of "F", "M"')],
  },
]

export const coherenceCases: readonly FailureCase[] = [
  {
    name: 'plannedEnd before plannedStart',
    raw: withValue(D, '/training/plannedEnd', '2024-01-01'),
    errors: [
      f(
        '/training/plannedEnd',
        'dossier/planned-end-before-start',
        'training.plannedEnd "2024-01-01" is before training.plannedStart "2024-01-08" (plannedEnd must be on or after plannedStart)',
      ),
    ],
  },
  {
    name: 'SORTI without entry',
    raw: without(D, '/entry'),
    errors: [
      f(
        '/entry',
        'dossier/entry-required',
        'entry is missing while status is "SORTI" (entry is required when status is ENTRE or SORTI)',
      ),
    ],
  },
  {
    name: 'ENTRE with a null entry',
    raw: changed(D, [
      ['/status', 'ENTRE'],
      ['/entry', null],
      ['/exit', undefined],
    ]),
    errors: [
      f(
        '/entry',
        'dossier/entry-required',
        'entry is missing while status is "ENTRE" (entry is required when status is ENTRE or SORTI)',
      ),
    ],
  },
  {
    name: 'SORTI without exit',
    raw: without(D, '/exit'),
    errors: [
      f(
        '/exit',
        'dossier/exit-required',
        'exit is missing while status is "SORTI" (exit is required when status is SORTI)',
      ),
    ],
  },
  {
    name: 'SORTI with a null exit',
    raw: withValue(D, '/exit', null),
    errors: [
      f(
        '/exit',
        'dossier/exit-required',
        'exit is missing while status is "SORTI" (exit is required when status is SORTI)',
      ),
    ],
  },
  {
    name: 'exit before entry',
    raw: withValue(D, '/exit/date', '2024-01-07'),
    errors: [
      f(
        '/exit/date',
        'dossier/exit-before-entry',
        'exit.date "2024-01-07" is before entry.date "2024-01-08" (exit.date must be on or after entry.date)',
      ),
    ],
  },
  {
    name: 'RNCP without code',
    raw: without(D, '/training/certification/code'),
    errors: [
      f(
        '/training/certification/code',
        'dossier/certification-code-required',
        'training.certification.code is missing while training.certification.type is "RNCP" (a code is required when type is RNCP or RS)',
      ),
    ],
  },
  {
    name: 'RS with a null code',
    raw: changed(D, [
      ['/training/certification/type', 'RS'],
      ['/training/certification/code', null],
    ]),
    errors: [
      f(
        '/training/certification/code',
        'dossier/certification-code-required',
        'training.certification.code is missing while training.certification.type is "RS" (a code is required when type is RNCP or RS)',
      ),
    ],
  },
  {
    name: 'RS type with an RNCP code',
    raw: withValue(D, '/training/certification/type', 'RS'),
    errors: [
      f(
        '/training/certification/code',
        'dossier/certification-code-prefix',
        'training.certification.code "RNCP37674" does not start with training.certification.type "RS" (the code must be prefixed by its type)',
      ),
    ],
  },
  {
    name: 'RNCP type with an RS code',
    raw: withValue(D, '/training/certification/code', 'RS5063'),
    errors: [
      f(
        '/training/certification/code',
        'dossier/certification-code-prefix',
        'training.certification.code "RS5063" does not start with training.certification.type "RNCP" (the code must be prefixed by its type)',
      ),
    ],
  },
  {
    name: 'cep end without endReason (null)',
    raw: withValue(C, '/endReason', null),
    errors: [
      f(
        '/endReason',
        'cep/end-reason-required',
        'endReason is missing while end is "2024-01-15" (endReason is required when end is set)',
      ),
    ],
  },
  {
    name: 'cep end without endReason (absent)',
    raw: without(C, '/endReason'),
    errors: [
      f(
        '/endReason',
        'cep/end-reason-required',
        'endReason is missing while end is "2024-01-15" (endReason is required when end is set)',
      ),
    ],
  },
  {
    name: 'cep end before start',
    raw: withValue(C, '/end', '2023-09-30'),
    errors: [
      f(
        '/end',
        'cep/end-before-start',
        'end "2023-09-30" is before start "2023-10-01" (end must be on or after start)',
      ),
    ],
  },
]

export const dateCases: readonly FailureCase[] = [
  {
    name: 'plannedEnd too far',
    raw: withValue(D, '/training/plannedEnd', '2028-11-29'),
    errors: [f('/training/plannedEnd', 'record/date-too-far', `training.plannedEnd "2028-11-29" ${TOO_FAR}`)],
  },
  {
    name: 'exit date too far',
    raw: withValue(D, '/exit/date', '2031-01-01'),
    errors: [f('/exit/date', 'record/date-too-far', `exit.date "2031-01-01" ${TOO_FAR}`)],
  },
  {
    name: 'entry date before 1900',
    raw: withValue(D, '/entry/date', '1899-12-31'),
    errors: [f('/entry/date', 'record/date-before-1900', `entry.date "1899-12-31" ${BEFORE_1900}`)],
  },
  {
    name: 'updatedAt before 1900 (by its written date)',
    raw: withValue(D, '/updatedAt', '1899-12-31T23:30:00-01:00'),
    errors: [
      f('/updatedAt', 'record/date-before-1900', `updatedAt "1899-12-31T23:30:00-01:00" ${BEFORE_1900}`),
    ],
  },
  {
    name: 'updatedAt too far',
    raw: withValue(D, '/updatedAt', '2028-11-29T00:00:00+01:00'),
    errors: [f('/updatedAt', 'record/date-too-far', `updatedAt "2028-11-29T00:00:00+01:00" ${TOO_FAR}`)],
  },
  {
    name: 'birth date before 1900 (not echoed; the age is out of range too)',
    raw: withValue(D, '/trainee/birthDate', '1899-12-31'),
    errors: [
      f('/trainee/birthDate', 'record/date-before-1900', `trainee.birthDate ${BEFORE_1900}`),
      f(
        '/trainee/birthDate',
        'person/age-out-of-range',
        `trainee.birthDate gives an age of 124 at training.plannedStart "2024-01-08" ${AGE_RULE}`,
      ),
    ],
  },
  {
    name: 'cep end too far',
    raw: withValue(C, '/end', '2029-01-01'),
    errors: [f('/end', 'record/date-too-far', `end "2029-01-01" ${TOO_FAR}`)],
  },
  {
    name: 'cep start before 1900 (and so an age below 14)',
    raw: withValue(C, '/start', '1899-10-01'),
    errors: [
      f('/start', 'record/date-before-1900', `start "1899-10-01" ${BEFORE_1900}`),
      f(
        '/beneficiary/birthDate',
        'person/age-out-of-range',
        `beneficiary.birthDate gives an age of -86 at start "1899-10-01" ${AGE_RULE}`,
      ),
    ],
  },
]

export const ageCases: readonly FailureCase[] = [
  {
    name: '13 the day before the 14th birthday',
    raw: withValue(D, '/trainee/birthDate', '2010-01-09'),
    errors: [
      f(
        '/trainee/birthDate',
        'person/age-out-of-range',
        `trainee.birthDate gives an age of 13 at training.plannedStart "2024-01-08" ${AGE_RULE}`,
      ),
    ],
  },
  {
    name: '91 on the 91st birthday',
    raw: withValue(D, '/trainee/birthDate', '1933-01-08'),
    errors: [
      f(
        '/trainee/birthDate',
        'person/age-out-of-range',
        `trainee.birthDate gives an age of 91 at training.plannedStart "2024-01-08" ${AGE_RULE}`,
      ),
    ],
  },
  {
    name: 'cep beneficiary aged 12 at start',
    raw: withValue(C, '/beneficiary/birthDate', '2010-10-02'),
    errors: [
      f(
        '/beneficiary/birthDate',
        'person/age-out-of-range',
        `beneficiary.birthDate gives an age of 12 at start "2023-10-01" ${AGE_RULE}`,
      ),
    ],
  },
]

export const codeCases: readonly FailureCase[] = [
  {
    name: 'unknown dispositif',
    raw: withValue(D, '/dispositif', 'INCONNU'),
    errors: [
      f(
        '/dispositif',
        'code/unknown-dispositif',
        'dispositif "INCONNU" is not a known dispositif (reference/codes/dispositifs.csv)',
      ),
    ],
  },
  {
    name: 'unknown dossier statusAtEntry',
    raw: withValue(D, '/statusAtEntry', 'RETRAITE'),
    errors: [
      f(
        '/statusAtEntry',
        'code/unknown-status-at-entry',
        'statusAtEntry "RETRAITE" is not a known status at entry (reference/codes/statuts_stagiaire.csv)',
      ),
    ],
  },
  {
    name: 'unknown cep statusAtEntry',
    raw: withValue(C, '/statusAtEntry', 'RETRAITE'),
    errors: [
      f(
        '/statusAtEntry',
        'code/unknown-status-at-entry',
        'statusAtEntry "RETRAITE" is not a known status at entry (reference/codes/statuts_stagiaire.csv)',
      ),
    ],
  },
  {
    name: 'unknown residence commune',
    raw: withValue(D, '/trainee/residenceCommune', '99999'),
    errors: [
      f(
        '/trainee/residenceCommune',
        'code/unknown-commune',
        'trainee.residenceCommune "99999" is not a known INSEE commune code',
      ),
    ],
  },
  {
    name: 'unknown cep residence commune',
    raw: withValue(C, '/beneficiary/residenceCommune', '2A999'),
    errors: [
      f(
        '/beneficiary/residenceCommune',
        'code/unknown-commune',
        'beneficiary.residenceCommune "2A999" is not a known INSEE commune code',
      ),
    ],
  },
  {
    name: 'unknown place commune',
    raw: withValue(D, '/training/placeCommune', '75000'),
    errors: [
      f(
        '/training/placeCommune',
        'code/unknown-commune',
        'training.placeCommune "75000" is not a known INSEE commune code',
      ),
    ],
  },
  {
    name: 'unknown NSF group',
    raw: withValue(D, '/training/nsf', '999'),
    errors: [f('/training/nsf', 'code/unknown-nsf', `training.nsf "999" is not a known ${NSF_LISTS}`)],
  },
  {
    name: 'unknown NSF letter',
    raw: withValue(D, '/training/nsf', '326x'),
    errors: [f('/training/nsf', 'code/unknown-nsf', `training.nsf "326x" is not a known ${NSF_LISTS}`)],
  },
  {
    name: 'unknown certification level',
    raw: withValue(D, '/training/certification/level', 8),
    ctx: ctxWithoutLevel8,
    errors: [
      f(
        '/training/certification/level',
        'code/unknown-certification-level',
        'training.certification.level 8 is not a known certification level (reference/codes/niveaux_certification.csv)',
      ),
    ],
  },
  {
    name: 'unknown education level',
    raw: withValue(D, '/trainee/educationLevel', 8),
    ctx: ctxWithoutLevel8,
    errors: [
      f(
        '/trainee/educationLevel',
        'code/unknown-certification-level',
        'trainee.educationLevel 8 is not a known certification level (reference/codes/niveaux_certification.csv)',
      ),
    ],
  },
]

export const identityCases: readonly FailureCase[] = [
  {
    name: 'wrong NIR key',
    raw: withValue(D, '/trainee/nir', '285057505604817'),
    errors: [f('/trainee/nir', 'person/invalid-nir-key', `trainee.nir has a wrong key ${KEY_RULE}`)],
  },
  {
    name: 'wrong NIR key, Corse-du-Sud (2A read as 19)',
    raw: withValue(D, '/trainee/nir', '185052A00401271'),
    errors: [f('/trainee/nir', 'person/invalid-nir-key', `trainee.nir has a wrong key ${KEY_RULE}`)],
  },
  {
    name: 'wrong NIR key, Haute-Corse (2B read as 18)',
    raw: withValue(D, '/trainee/nir', '185052B00401296'),
    errors: [f('/trainee/nir', 'person/invalid-nir-key', `trainee.nir has a wrong key ${KEY_RULE}`)],
  },
  {
    name: 'cep wrong NIR key',
    raw: withValue(C, '/beneficiary/nir', '285057505604800'),
    errors: [f('/beneficiary/nir', 'person/invalid-nir-key', `beneficiary.nir has a wrong key ${KEY_RULE}`)],
  },
  {
    name: 'SIRET failing Luhn',
    raw: withValue(D, '/training/organism/siret', '98765432100016'),
    errors: [
      f(
        '/training/organism/siret',
        'organism/invalid-siret',
        `training.organism.siret "98765432100016" fails the Luhn check ${LUHN_RULE}`,
      ),
    ],
  },
  {
    name: 'La Poste SIRET passing Luhn but not the digit sum',
    raw: withValue(D, '/training/organism/siret', '35600000000048'),
    errors: [
      f(
        '/training/organism/siret',
        'organism/invalid-siret',
        `training.organism.siret "35600000000048" fails the Luhn check ${LUHN_RULE}`,
      ),
    ],
  },
]

/** Every failure case, in one list for the tests that scan them all. */
export const failureCases: readonly FailureCase[] = [
  ...schemaCases,
  ...personalSchemaCases,
  ...coherenceCases,
  ...dateCases,
  ...ageCases,
  ...codeCases,
  ...identityCases,
]

/** Valid variants at the edge of each rule. */
export const acceptedCases: readonly AcceptedCase[] = [
  { name: 'dossier example', raw: D },
  { name: 'cep example', raw: C },
  {
    name: 'plannedEnd equal to plannedStart',
    raw: changed(D, [
      ['/training/plannedEnd', '2024-01-08'],
      ['/exit/date', '2024-01-08'],
    ]),
  },
  {
    name: 'ACCEPTE without entry nor exit',
    raw: changed(D, [
      ['/status', 'ACCEPTE'],
      ['/entry', undefined],
      ['/exit', undefined],
    ]),
  },
  {
    name: 'ANNULE with a null entry',
    raw: changed(D, [
      ['/status', 'ANNULE'],
      ['/entry', null],
      ['/exit', null],
    ]),
  },
  {
    name: 'ENTRE with entry and no exit',
    raw: changed(D, [
      ['/status', 'ENTRE'],
      ['/exit', undefined],
    ]),
  },
  { name: 'exit on the entry date', raw: withValue(D, '/exit/date', '2024-01-08') },
  { name: 'AUCUNE without code', raw: changed(D, [['/training/certification', { type: 'AUCUNE' }]]) },
  {
    name: 'AUTRE with a null code',
    raw: changed(D, [['/training/certification', { type: 'AUTRE', code: null, level: null }]]),
  },
  {
    name: 'RS with an RS code',
    raw: changed(D, [['/training/certification', { type: 'RS', code: 'RS5063' }]]),
  },
  {
    name: 'cep open period',
    raw: changed(C, [
      ['/end', null],
      ['/endReason', null],
    ]),
  },
  {
    name: 'cep open period, fields absent',
    raw: changed(C, [
      ['/end', undefined],
      ['/endReason', undefined],
    ]),
  },
  { name: 'cep end on the start date', raw: withValue(C, '/end', '2023-10-01') },
  { name: 'date exactly 2 years ahead', raw: withValue(D, '/training/plannedEnd', '2028-11-28') },
  { name: 'date on 1900-01-01', raw: withValue(C, '/updatedAt', '1900-01-01T00:00:00Z') },
  { name: 'aged 14 on the birthday', raw: withValue(D, '/trainee/birthDate', '2010-01-08') },
  { name: 'aged 90 the day before the 91st birthday', raw: withValue(D, '/trainee/birthDate', '1933-01-09') },
  { name: 'statusAtEntry absent on a dossier', raw: without(D, '/statusAtEntry') },
  { name: 'placeCommune null (distance learning)', raw: withValue(D, '/training/placeCommune', null) },
  { name: 'Corsican commune', raw: withValue(D, '/trainee/residenceCommune', '2A004') },
  { name: 'municipal arrondissement', raw: withValue(D, '/training/placeCommune', '69381') },
  { name: 'NSF group with a letter', raw: withValue(D, '/training/nsf', '326t') },
  { name: 'NSF null', raw: withValue(D, '/training/nsf', null) },
  { name: 'NIR with its key', raw: withValue(D, '/trainee/nir', '285057505604816') },
  { name: 'NIR 2A with its key (19)', raw: withValue(D, '/trainee/nir', '185052A00401270') },
  { name: 'NIR 2B with its key (18)', raw: withValue(D, '/trainee/nir', '185052B00401297') },
  { name: 'cep NIR with its key', raw: withValue(C, '/beneficiary/nir', '285057505604816') },
  {
    name: 'La Poste SIRET (digit sum, not Luhn)',
    raw: withValue(D, '/training/organism/siret', '35600000000010'),
  },
  {
    name: 'certification and education levels 8',
    raw: changed(D, [
      ['/training/certification/level', 8],
      ['/trainee/educationLevel', 8],
    ]),
  },
  { name: 'leap second in updatedAt', raw: withValue(D, '/updatedAt', '2016-12-31T23:59:60Z') },
]
