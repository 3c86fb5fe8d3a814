import { siretIsValid } from '../../../lib/siret.ts'
import { type Finding, finding } from '../../findings.ts'
import { none } from '../types.ts'

/**
 * The organism's SIRET passes the Luhn check, or La Poste's digit-sum rule (spec/README.md,
 * "SIRET"). A SIRET is public, so the message shows it.
 */
export function siretChecks(siret: string): readonly Finding[] {
  return siretIsValid(siret)
    ? none
    : [
        finding(
          '/training/organism/siret',
          'organism/invalid-siret',
          `training.organism.siret "${siret}" fails the Luhn check (La Poste, SIREN 356000000: digit sum divisible by 5)`,
        ),
      ]
}
