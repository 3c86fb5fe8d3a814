import { finding } from '../../findings.ts'
import type { CepInput } from '../input.ts'
import { none, type Rule } from '../types.ts'

/** CEP coherence rules a schema cannot say (spec/README.md, "Coherence"; cep.schema.json descriptions). */

/** `endReason` given once the period has an `end`. */
export const endReasonWhenEnded: Rule<CepInput> = ({ end, endReason }) =>
  end != null && endReason == null
    ? [
        finding(
          '/endReason',
          'cep/end-reason-required',
          `endReason is missing while end is "${end}" (endReason is required when end is set)`,
        ),
      ]
    : none

/** `end` on or after `start`. */
export const endAfterStart: Rule<CepInput> = ({ start, end }) =>
  end == null || end >= start
    ? none
    : [
        finding(
          '/end',
          'cep/end-before-start',
          `end "${end}" is before start "${start}" (end must be on or after start)`,
        ),
      ]
