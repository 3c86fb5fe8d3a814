/**
 * The `rules` of a dataset: a dataset may tighten the disclosure defaults of DOMAIN.md (11 persons,
 * rates on at least 20 with numerator and complement of at least 11, ±10 % protection), never
 * loosen them; dominance rules are checked for sense.
 * @module
 */
import { at, issue, type Location } from './definition-issue.ts'
import { asList, asNumber, asObject, checkFields, type Issues, show } from './json-checks.ts'
import type { RulesDefinition } from './types.ts'

/** DOMAIN.md "Disclosure rules": the least values a dataset may set. */
export const RULE_DEFAULTS = { minPersons: 11, minDenominator: 20, protectionPercent: 10 } as const

type Mutable<T> = { -readonly [K in keyof T]: T[K] }

function integerAtLeast(value: unknown, location: Location, issues: Issues, least: number, why: string) {
  const n = asNumber(value, location, issues)
  if (n === undefined) return undefined
  if (Number.isInteger(n) && n >= least) return n
  issues.push(
    issue(location, 'definition/bad-rule', `${show(value)}: must be an integer ≥ ${least} (${why})`),
  )
  return undefined
}

function readDominance(value: unknown, location: Location, issues: Issues) {
  const object = asObject(value, location, issues)
  if (!object || !checkFields(object, location, issues, ['n', 'k'], ['n', 'k'])) return undefined
  const n = integerAtLeast(object.n, at(location, 'n'), issues, 1, 'number of largest contributors')
  const k = asNumber(object.k, at(location, 'k'), issues)
  if (k !== undefined && !(k > 0 && k <= 100)) {
    issues.push(
      issue(at(location, 'k'), 'definition/bad-rule', `${show(k)}: must be a percentage in ]0, 100]`),
    )
    return undefined
  }
  return n === undefined || k === undefined ? undefined : { n, k }
}

/** Reads and checks `rules`; undefined when it is not an object. */
export function checkRules(value: unknown, location: Location, issues: Issues): RulesDefinition | undefined {
  const object = asObject(value, location, issues)
  if (!object) return undefined
  const allowed = ['minPersons', 'rate', 'dominance', 'minContributors', 'protectionPercent']
  checkFields(object, location, issues, allowed, [])
  const rules: Mutable<RulesDefinition> = {}
  const defaultText = (d: number) => `the default is ${d}; a dataset may only tighten it`
  if (object.minPersons !== undefined) {
    const least = RULE_DEFAULTS.minPersons
    const v = integerAtLeast(object.minPersons, at(location, 'minPersons'), issues, least, defaultText(least))
    if (v !== undefined) rules.minPersons = v
  }
  const minPersons = rules.minPersons ?? RULE_DEFAULTS.minPersons
  if (object.rate !== undefined) {
    const where = at(location, 'rate')
    const rate = asObject(object.rate, where, issues)
    if (rate) {
      checkFields(rate, where, issues, ['minDenominator', 'minCount'], [])
      const read: { minDenominator?: number; minCount?: number } = {}
      if (rate.minDenominator !== undefined) {
        const least = RULE_DEFAULTS.minDenominator
        const v = integerAtLeast(
          rate.minDenominator,
          at(where, 'minDenominator'),
          issues,
          least,
          defaultText(least),
        )
        if (v !== undefined) read.minDenominator = v
      }
      if (rate.minCount !== undefined) {
        const why = `the default is minPersons, ${minPersons}; a dataset may only tighten it`
        const v = integerAtLeast(rate.minCount, at(where, 'minCount'), issues, minPersons, why)
        if (v !== undefined) read.minCount = v
      }
      rules.rate = read
    }
  }
  if (object.dominance !== undefined) {
    const list = asList(object.dominance, at(location, 'dominance'), issues, (v, l) =>
      readDominance(v, l, issues),
    )
    if (list) rules.dominance = list
  }
  if (object.minContributors !== undefined) {
    const where = at(location, 'minContributors')
    const v = integerAtLeast(object.minContributors, where, issues, 1, 'least number of contributors')
    if (v !== undefined) rules.minContributors = v
  }
  if (object.protectionPercent !== undefined) {
    const where = at(location, 'protectionPercent')
    const v = asNumber(object.protectionPercent, where, issues)
    const least = RULE_DEFAULTS.protectionPercent
    if (v !== undefined && !(v >= least && v < 100)) {
      const message = `${show(v)}: must be in [${least}, 100[ (${defaultText(least)})`
      issues.push(issue(where, 'definition/bad-rule', message))
    } else if (v !== undefined) rules.protectionPercent = v
  }
  return rules
}
