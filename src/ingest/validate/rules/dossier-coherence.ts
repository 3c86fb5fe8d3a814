import { finding } from '../../findings.ts'
import type { DossierInput } from '../input.ts'
import { none, type Rule } from '../types.ts'

/**
 * Dossier coherence rules a schema cannot say (spec/README.md, "Coherence"). Dates are compared as
 * strings: the schema has checked they are `YYYY-MM-DD`.
 */

/** `training.plannedEnd` on or after `training.plannedStart`. */
export const plannedEndAfterStart: Rule<DossierInput> = ({ training: { plannedStart, plannedEnd } }) =>
  plannedEnd >= plannedStart
    ? none
    : [
        finding(
          '/training/plannedEnd',
          'dossier/planned-end-before-start',
          `training.plannedEnd "${plannedEnd}" is before training.plannedStart "${plannedStart}" (plannedEnd must be on or after plannedStart)`,
        ),
      ]

/** `entry` present once the trainee has entered (status `ENTRE` or `SORTI`). */
export const entryWhenEntered: Rule<DossierInput> = ({ status, entry }) =>
  (status === 'ENTRE' || status === 'SORTI') && entry == null
    ? [
        finding(
          '/entry',
          'dossier/entry-required',
          `entry is missing while status is "${status}" (entry is required when status is ENTRE or SORTI)`,
        ),
      ]
    : none

/** `exit` present once the trainee has exited (status `SORTI`). */
export const exitWhenExited: Rule<DossierInput> = ({ status, exit }) =>
  status === 'SORTI' && exit == null
    ? [
        finding(
          '/exit',
          'dossier/exit-required',
          `exit is missing while status is "${status}" (exit is required when status is SORTI)`,
        ),
      ]
    : none

/** `exit.date` on or after `entry.date` when both are given. */
export const exitAfterEntry: Rule<DossierInput> = ({ entry, exit }) =>
  entry == null || exit == null || exit.date >= entry.date
    ? none
    : [
        finding(
          '/exit/date',
          'dossier/exit-before-entry',
          `exit.date "${exit.date}" is before entry.date "${entry.date}" (exit.date must be on or after entry.date)`,
        ),
      ]

/** A certification `code` given when the certification type is `RNCP` or `RS`. */
export const certificationCodeGiven: Rule<DossierInput> = ({ training: { certification } }) =>
  (certification.type === 'RNCP' || certification.type === 'RS') && certification.code == null
    ? [
        finding(
          '/training/certification/code',
          'dossier/certification-code-required',
          `training.certification.code is missing while training.certification.type is "${certification.type}" (a code is required when type is RNCP or RS)`,
        ),
      ]
    : none

/** The certification `code` starts with its type (`RNCP37674` for RNCP, `RS5063` for RS). */
export const certificationCodePrefixed: Rule<DossierInput> = ({ training: { certification } }) => {
  const { type, code } = certification
  if ((type !== 'RNCP' && type !== 'RS') || code == null) return none
  // The schema pattern makes the prefix exactly RNCP or RS, so "RS" never matches a "RNCP…" code.
  const prefix = code.startsWith('RNCP') ? 'RNCP' : code.startsWith('RS') ? 'RS' : null
  return prefix === type
    ? none
    : [
        finding(
          '/training/certification/code',
          'dossier/certification-code-prefix',
          `training.certification.code "${code}" does not start with training.certification.type "${type}" (the code must be prefixed by its type)`,
        ),
      ]
}
