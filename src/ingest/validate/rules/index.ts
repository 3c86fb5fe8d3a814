import type { CepInput, DossierInput } from '../input.ts'
import type { Rule } from '../types.ts'
import { ageInRange } from './age.ts'
import { endAfterStart, endReasonWhenEnded } from './cep-coherence.ts'
import {
  knownCommune,
  knownDispositif,
  knownLevel,
  knownNsf,
  knownPersonCodes,
  knownStatusAtEntry,
} from './codes.ts'
import { cepDatesInRange, dossierDatesInRange } from './date-range.ts'
import {
  certificationCodeGiven,
  certificationCodePrefixed,
  entryWhenEntered,
  exitAfterEntry,
  exitWhenExited,
  plannedEndAfterStart,
} from './dossier-coherence.ts'
import { nirKeyMatches } from './nir.ts'
import { siretChecks } from './siret.ts'

/**
 * The rules a schema cannot say, per record type, in the order their findings are reported.
 * They run only on records that passed the schema, so they may rely on its shapes and formats.
 */

/** Rules of a dossier. */
export const dossierRules: readonly Rule<DossierInput>[] = [
  plannedEndAfterStart,
  entryWhenEntered,
  exitWhenExited,
  exitAfterEntry,
  certificationCodeGiven,
  certificationCodePrefixed,
  dossierDatesInRange,
  (r) => ageInRange(r.trainee, '/trainee', r.training.plannedStart, '/training/plannedStart'),
  (r, ctx) => knownDispositif(r.dispositif, ctx),
  (r, ctx) => knownStatusAtEntry(r.statusAtEntry, ctx),
  (r, ctx) => knownPersonCodes(r.trainee, '/trainee', ctx),
  (r, ctx) => knownCommune('/training/placeCommune', r.training.placeCommune, ctx),
  (r, ctx) => knownNsf(r.training.nsf, ctx),
  (r, ctx) => knownLevel('/training/certification/level', r.training.certification.level, ctx),
  (r) => nirKeyMatches(r.trainee, '/trainee'),
  (r) => siretChecks(r.training.organism.siret),
]

/** Rules of a CEP period. */
export const cepRules: readonly Rule<CepInput>[] = [
  endReasonWhenEnded,
  endAfterStart,
  cepDatesInRange,
  (r) => ageInRange(r.beneficiary, '/beneficiary', r.start, '/start'),
  (r, ctx) => knownStatusAtEntry(r.statusAtEntry, ctx),
  (r, ctx) => knownPersonCodes(r.beneficiary, '/beneficiary', ctx),
  (r) => nirKeyMatches(r.beneficiary, '/beneficiary'),
]
