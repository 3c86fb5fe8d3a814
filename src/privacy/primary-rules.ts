/**
 * The primary rules of PRIVACY.md §2 as options, and their checks.
 * @module
 */
import type { Issue } from './types.ts'

/** Primary rules of one table; every rule given applies (a cell is primary if any rule says so). */
export interface PrimaryRules {
  /** Persons threshold k: a cell with 0 < n < k is primary `A`. Default 11; 0 disables it. */
  readonly minPersons?: number
  /**
   * Rate rules, on tables with a numerator: primary `A` when 0 < n < minDenominator (default 20) or
   * when the numerator or its complement is between 1 and minCount − 1 (default k). `false` disables.
   */
  readonly rate?: { readonly minDenominator?: number; readonly minCount?: number } | false
  /** (n,k)-dominance on contributions: primary `B` when the n largest exceed k % of the total. */
  readonly dominance?: readonly { readonly n: number; readonly k: number }[]
  /** p%-rule (pq-rule with q): primary `B` when T − x1 − … − x(n+1) < (p/q)·x1. q defaults to 100, n to 1. */
  readonly pPercent?: { readonly p: number; readonly q?: number; readonly n?: number }
  /** Frequency rule on contributors: primary `B` when 0 < contributors < minContributors. */
  readonly minContributors?: number
  /** Protection interval in % of the cell value (default 10). */
  readonly protectionPercent?: number
  /** Smallest protection distance (default 1 person). */
  readonly minProtection?: number
}

/** Rules with every default filled in. */
export interface ResolvedRules {
  readonly minPersons: number
  readonly rate: { readonly minDenominator: number; readonly minCount: number } | false
  readonly dominance: readonly { readonly n: number; readonly k: number }[]
  readonly pPercent?: { readonly p: number; readonly q: number; readonly n: number }
  readonly minContributors: number
  readonly protectionPercent: number
  readonly minProtection: number
}

/** The defaults of DOMAIN.md "Disclosure rules". */
export const DEFAULT_MIN_PERSONS = 11

/** Fills defaults and checks every parameter; issues are `rules/invalid-parameter`. */
export function resolveRules(
  rules: PrimaryRules = {},
  path = 'rules',
): { rules: ResolvedRules; issues: Issue[] } {
  const issues: Issue[] = []
  const bad = (message: string) => issues.push({ path, code: 'rules/invalid-parameter', message })
  const minPersons = rules.minPersons ?? DEFAULT_MIN_PERSONS
  if (!(Number.isInteger(minPersons) && minPersons >= 0)) bad(`invalid minPersons: ${minPersons}`)
  const rate =
    rules.rate === false
      ? false
      : { minDenominator: rules.rate?.minDenominator ?? 20, minCount: rules.rate?.minCount ?? minPersons }
  for (const d of rules.dominance ?? []) {
    if (!(Number.isInteger(d.n) && d.n >= 1)) bad(`invalid dominance n: ${d.n}`)
    if (!(d.k > 0 && d.k <= 100)) bad(`invalid dominance k: ${d.k}`)
  }
  let pPercent: ResolvedRules['pPercent']
  if (rules.pPercent) {
    const { p, q = 100, n = 1 } = rules.pPercent
    if (!(p > 0 && p < 100)) bad(`invalid p: ${p}`)
    if (!(q > 0 && q <= 100 && p < q)) bad(`invalid q: ${q}`)
    if (!(Number.isInteger(n) && n >= 1)) bad(`invalid p%-rule n: ${n}`)
    pPercent = { p, q, n }
  }
  const protectionPercent = rules.protectionPercent ?? 10
  if (!(protectionPercent >= 0 && protectionPercent < 100)) bad(`invalid protection: ${protectionPercent}`)
  const minProtection = rules.minProtection ?? 1
  if (!(minProtection > 0)) bad(`invalid minProtection: ${minProtection}`)
  const minContributors = rules.minContributors ?? 0
  return {
    rules: {
      minPersons,
      rate,
      dominance: rules.dominance ?? [],
      ...(pPercent ? { pPercent } : {}),
      minContributors,
      protectionPercent,
      minProtection,
    },
    issues,
  }
}

/** True when the rules need per-contributor amounts. */
export function needsContributions(rules: ResolvedRules): boolean {
  return rules.dominance.length > 0 || rules.pPercent !== undefined || rules.minContributors > 0
}

/** Frequency and rate rules on one cell (status `A`). */
export function isFrequencyUnsafe(rules: ResolvedRules, n: number, numerator: number | undefined): boolean {
  if (n > 0 && n < rules.minPersons) return true
  if (numerator === undefined || rules.rate === false || n === 0) return false
  const { minDenominator, minCount } = rules.rate
  const complement = n - numerator
  return (
    n < minDenominator || (numerator > 0 && numerator < minCount) || (complement > 0 && complement < minCount)
  )
}

/**
 * The rate rules on one rate of a cell (status `A`): a denominator below minDenominator, or a
 * numerator or complement between 1 and minCount − 1. A denominator of 0 publishes no rate.
 */
export function isRateUnsafe(rules: ResolvedRules, denominator: number, numerator: number): boolean {
  if (rules.rate === false || !(denominator > 0)) return false
  const { minDenominator, minCount } = rules.rate
  const complement = denominator - numerator
  return (
    denominator < minDenominator ||
    (numerator > 0 && numerator < minCount) ||
    (complement > 0 && complement < minCount)
  )
}

/**
 * The rate rules counted in persons (DOMAIN.md: "the denominator has at least 20 persons … neither
 * the numerator nor the complement (denominator − numerator) between 1 and 10 persons"): the
 * distinct persons of the rate's denominator and numerator, and the complement read both ways a
 * person of several units allows, each of which must hold: the denominator's persons less the
 * numerator's (persons without the outcome on any unit), and the persons with a unit without the
 * outcome (`complement`; a person with units on both sides counts on both). An unknown count (NaN)
 * is unsafe. A denominator of no unit publishes no rate.
 */
export function isRatePersonsUnsafe(
  rules: ResolvedRules,
  units: number,
  persons: { readonly denominator: number; readonly numerator: number; readonly complement: number },
): boolean {
  if (rules.rate === false || !(units > 0)) return false
  const { minDenominator, minCount } = rules.rate
  const { denominator, numerator, complement } = persons
  if ([denominator, numerator, complement].some(Number.isNaN)) return true
  const without = denominator - numerator
  return (
    denominator < minDenominator ||
    (numerator > 0 && numerator < minCount) ||
    (complement > 0 && complement < minCount) ||
    (without > 0 && without < minCount)
  )
}

/** Dominance rules on one cell's contributions, sorted largest first (status `B`). */
export function isDominanceUnsafe(rules: ResolvedRules, contributions: readonly number[]): boolean {
  if (contributions.length === 0) return false
  const total = contributions.reduce((a, b) => a + b, 0)
  if (contributions.length < rules.minContributors) return true
  const top = (k: number) => contributions.slice(0, k).reduce((a, b) => a + b, 0)
  for (const d of rules.dominance) if (top(d.n) > (d.k / 100) * total) return true
  if (rules.pPercent) {
    const { p, q, n } = rules.pPercent
    if (total - top(n + 1) < (p / q) * contributions[0]!) return true
  }
  return false
}

/** Protection distance of a primary cell (PRIVACY.md §3): a share of its value, at least the minimum. */
export function protectionDistance(rules: ResolvedRules, value: number): number {
  return Math.max((value * rules.protectionPercent) / 100, rules.minProtection)
}

/**
 * How far down a protected cell's interval must reach: its protection distance, but no lower than
 * the least value the attacker knows it holds (`floor`: 0, no count being negative, or 1 for a
 * primary shown as such, PrimaryMarks.floor). Asking for more below is asking the impossible: an
 * empty primary cell (an earlier release suppressed it, it is empty now), or one of a single person
 * shown `A`, is protected upward only.
 */
export function downwardDistance(distance: number, value: number, floor = 0): number {
  return Math.max(0, Math.min(distance, value - floor))
}
