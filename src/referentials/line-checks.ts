import { type Finding, finding } from '../ingest/findings.ts'
import { NIR_LAYOUT, nirKeyIsValid } from '../lib/nir.ts'
import { siretIsValid } from '../lib/siret.ts'

const DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/
const DECIMAL = /^-?[0-9]+(\.[0-9]+)?$/

/**
 * The checks of one CSV line of a referential. Each check records its findings (path
 * `line N, column C`, a stable `referential/*` code) and returns the value to store; required
 * checks return `''` when they fail, so that a parser builds its row and keeps it only when `ok`.
 * Values of `privateColumns` (a NIR, a person's name or birth date) are never quoted in messages.
 * @example
 * const c = new LineChecks(12, { siret: '123' })
 * c.siret('siret')
 * c.findings[0]?.code // 'referential/invalid-siret'
 */
export class LineChecks {
  readonly findings: Finding[] = []

  constructor(
    readonly line: number,
    private readonly values: Readonly<Record<string, string | undefined>>,
    private readonly privateColumns: ReadonlySet<string> = new Set(),
  ) {}

  /** True while no check of this line failed. */
  get ok(): boolean {
    return this.findings.length === 0
  }

  /** Records a finding on `column` and returns null, so that checks can `return this.fail(…)`. */
  fail(column: string, code: string, message: string): null {
    this.findings.push(finding(`line ${this.line}, column ${column}`, `referential/${code}`, message))
    return null
  }

  /** The column named for a message, with its value unless the column is private. */
  show(column: string): string {
    return this.privateColumns.has(column) ? column : `${column} "${this.raw(column)}"`
  }

  /** The value as read (trimmed by the reader), `''` when empty. */
  raw(column: string): string {
    return this.values[column] ?? ''
  }

  /** A value that must not be empty. */
  required(column: string): string {
    const value = this.raw(column)
    if (value === '') this.fail(column, 'missing-value', `${column} is empty (required)`)
    return value
  }

  /** A value that may be empty (stored as null). */
  optional(column: string): string | null {
    const value = this.raw(column)
    return value === '' ? null : value
  }

  /** A SIRET: 14 digits passing the Luhn check, or La Poste's digit-sum rule. */
  siret(column: string): string {
    const value = this.required(column)
    if (value !== '' && !siretIsValid(value)) {
      this.fail(
        column,
        'invalid-siret',
        `${this.show(column)} fails the Luhn check (14 digits, Luhn; La Poste: digit sum divisible by 5)`,
      )
    }
    return value
  }

  /** A value matching `pattern`; `rule` completes "… is not …" in the message. */
  pattern(column: string, pattern: RegExp, code: string, rule: string, optional = false): string | null {
    const value = optional ? this.optional(column) : this.required(column)
    if (value === null || value === '') return value
    if (!pattern.test(value)) this.fail(column, code, `${this.show(column)} is not ${rule}`)
    return value
  }

  /** One of `allowed`; `rule` completes "… is not …" in the message. */
  oneOf(
    column: string,
    allowed: readonly string[],
    code: string,
    rule: string,
    optional = false,
  ): string | null {
    const value = optional ? this.optional(column) : this.required(column)
    if (value === null || value === '') return value
    if (!allowed.includes(value)) this.fail(column, code, `${this.show(column)} is not ${rule}`)
    return value
  }

  /** `true` or `false`. */
  boolean(column: string): boolean {
    const value = this.required(column)
    if (value !== '' && value !== 'true' && value !== 'false') {
      this.fail(column, 'invalid-boolean', `${this.show(column)} is not true or false`)
    }
    return value === 'true'
  }

  /** A calendar date `YYYY-MM-DD` (a real day: no 2024-02-30). */
  date(column: string, optional = false): string | null {
    const value = optional ? this.optional(column) : this.required(column)
    if (value === null || value === '') return value
    if (!isIsoDate(value))
      this.fail(column, 'invalid-date', `${this.show(column)} is not a date (YYYY-MM-DD)`)
    return value
  }

  /** `end` not before `start` (both valid dates, or nothing is said). */
  notBefore(endColumn: string, end: string | null, startColumn: string, start: string | null): void {
    if (end === null || start === null || !isIsoDate(end) || !isIsoDate(start)) return
    if (end < start) {
      this.fail(endColumn, 'end-before-start', `${this.show(endColumn)} is before ${this.show(startColumn)}`)
    }
  }

  /** A decimal number (dot separator) within the bounds; empty allowed. */
  number(
    column: string,
    bounds: { min: number; minExclusive?: boolean; max?: number },
    code: string,
    rule: string,
  ): number | null {
    const value = this.optional(column)
    if (value === null) return null
    const n = Number(value)
    const inBounds =
      (bounds.minExclusive ? n > bounds.min : n >= bounds.min) &&
      (bounds.max === undefined || n <= bounds.max)
    if (!DECIMAL.test(value) || !inBounds) {
      this.fail(column, code, `${this.show(column)} is not ${rule}`)
      return null
    }
    return n
  }

  /** An INSEE commune code of the reference list; empty allowed. */
  commune(column: string, communes: ReadonlySet<string>): string | null {
    const value = this.optional(column)
    if (value !== null && !communes.has(value)) {
      this.fail(column, 'unknown-commune', `${this.show(column)} is not an INSEE commune code`)
    }
    return value
  }

  /**
   * A NIR, 13 characters or 15 with a valid key; returns its 13 first characters. The value is
   * never shown, whatever `privateColumns` says.
   */
  nir(column: string): string {
    const value = this.required(column)
    if (value === '') return ''
    if (!NIR_LAYOUT.test(value)) {
      this.fail(
        column,
        'invalid-nir',
        `${column} is not a NIR (13 characters, or 15 with the key: sex, year, month, département, commune, order)`,
      )
      return ''
    }
    if (value.length === 15 && !nirKeyIsValid(value)) {
      this.fail(
        column,
        'invalid-nir-key',
        `${column} has a wrong key (the last 2 characters must be 97 − (the first 13 mod 97), with 2A read as 19 and 2B as 18)`,
      )
      return ''
    }
    return value.slice(0, 13)
  }
}

/** True for a real calendar day written `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  if (!DATE.test(value)) return false
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
}
