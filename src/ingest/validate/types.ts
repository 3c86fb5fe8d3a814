import type { CodeLists } from '../../reference/code-lists.ts'
import type { Finding } from '../findings.ts'
import type { ValidRecord } from '../record.ts'

/** What validation needs besides the record: the code lists and the hub's date. */
export interface ValidationContext {
  readonly codes: CodeLists
  /** The hub's date, `YYYY-MM-DD`; passed in rather than read from the clock so results are reproducible. */
  readonly today: string
}

/** The outcome of validating one raw record: the normalised record, or every finding. */
export type ValidationResult =
  | { readonly ok: true; readonly valid: ValidRecord }
  | {
      readonly ok: false
      /** The record's `type` when it is a string, for the partner's answer. */
      readonly type: string | null
      /** The record's `id` when it is a string, for the partner's answer. */
      readonly id: string | null
      readonly errors: readonly Finding[]
    }

/** A rule a schema cannot say: returns its findings, none when the record satisfies it. */
export type Rule<T> = (record: T, ctx: ValidationContext) => readonly Finding[]

/** The shared "no finding" answer, so passing rules allocate nothing. */
export const none: readonly Finding[] = Object.freeze([])
