/**
 * One `dataset.json` (already parsed) against the `DatasetDefinition` contract: fields, slug,
 * EU themes and frequency, rules, and each table.
 * @module
 */
import { POPULATIONS } from './catalogue.ts'
import { checkRules } from './check-rules.ts'
import { checkTable } from './check-table.ts'
import { at, issue, type Location } from './definition-issue.ts'
import { asList, asObject, asText, checkFields, checkUnique, type Issues } from './json-checks.ts'
import type { DatasetDefinition, DataTheme, Frequency, TableDefinition } from './types.ts'

/** Dataset slugs: lowercase words joined by hyphens. */
export const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/
export const THEMES: readonly DataTheme[] = ['EDUC', 'ECON', 'SOCI', 'GOVE', 'REGI']
export const FREQUENCIES: readonly Frequency[] = ['MONTHLY', 'QUARTERLY', 'ANNUAL']

const FIELDS = ['slug', 'title', 'description', 'keywords', 'themes', 'frequency', 'rules', 'tables']

function readTheme(value: unknown, location: Location, issues: Issues) {
  const theme = asText(value, location, issues)
  if (theme === undefined) return undefined
  if ((THEMES as readonly string[]).includes(theme)) return { value: theme as DataTheme, location }
  const message = `unknown theme: ${theme} (EU data themes: ${THEMES.join(', ')})`
  issues.push(issue(location, 'definition/bad-theme', message))
  return undefined
}

/**
 * Reads and checks one dataset definition whose file is `datasets/<folder>/dataset.json`;
 * `documentation` is the folder's README.md. Undefined when any issue was found.
 */
export function checkDataset(
  value: unknown,
  folder: string,
  documentation: string,
  location: Location,
  issues: Issues,
): DatasetDefinition | undefined {
  const object = asObject(value, location, issues)
  if (!object) return undefined
  const before = issues.length
  checkFields(object, location, issues, FIELDS, FIELDS)
  const text = (key: string) =>
    object[key] === undefined ? undefined : asText(object[key], at(location, key), issues)
  const slug = text('slug')
  if (slug !== undefined && !SLUG.test(slug)) {
    const message = `slug ${slug} does not match ${SLUG.source}`
    issues.push(issue(at(location, 'slug'), 'definition/bad-pattern', message))
  } else if (slug !== undefined && slug !== folder) {
    const message = `slug ${slug} differs from its folder name ${folder}`
    issues.push(issue(at(location, 'slug'), 'definition/slug-mismatch', message))
  }
  const title = text('title')
  const description = text('description')
  const keywords =
    object.keywords === undefined
      ? undefined
      : asList(object.keywords, at(location, 'keywords'), issues, (v, l) => {
          const k = asText(v, l, issues)
          return k === undefined ? undefined : { value: k, location: l }
        })
  if (keywords) checkUnique(keywords, (k) => k, 'keyword', issues)
  const themes =
    object.themes === undefined
      ? undefined
      : asList(object.themes, at(location, 'themes'), issues, (v, l) => readTheme(v, l, issues))
  if (themes) checkUnique(themes, (t) => t, 'theme', issues)
  const frequency = text('frequency')
  if (frequency !== undefined && !(FREQUENCIES as readonly string[]).includes(frequency)) {
    const message = `unknown frequency: ${frequency} (EU frequencies: ${FREQUENCIES.join(', ')})`
    issues.push(issue(at(location, 'frequency'), 'definition/bad-frequency', message))
  }
  const rules =
    object.rules === undefined ? undefined : checkRules(object.rules, at(location, 'rules'), issues)
  const tables =
    object.tables === undefined
      ? undefined
      : asList(object.tables, at(location, 'tables'), issues, (v, l) => {
          const t = checkTable(v, l, issues)
          return t === undefined ? undefined : { value: t, location: l }
        })
  if (tables) {
    checkUnique(
      tables.map((t) => ({ value: t.value, location: at(t.location, 'name') })),
      (t) => t.name,
      'table name',
      issues,
    )
  }
  const allTables = Array.isArray(object.tables) && tables?.length === object.tables.length
  if (rules && tables && allTables) checkMagnitudeRules(rules, tables, location, issues)
  if (issues.length > before || !slug || !title || !description || !keywords || !themes) return undefined
  if (!frequency || !rules || !tables) return undefined
  return {
    slug,
    title,
    description,
    keywords: keywords.map((k) => k.value),
    themes: themes.map((t) => t.value),
    frequency: frequency as Frequency,
    rules,
    tables: tables.map((t) => t.value),
    documentation,
  }
}

// Dominance and contributor counts need a contributor column (the organism of a funding line):
// on other populations the rule would silently do nothing.
function checkMagnitudeRules(
  rules: DatasetDefinition['rules'],
  tables: readonly { value: TableDefinition }[],
  location: Location,
  issues: Issues,
): void {
  const withContributor = tables.some((t) => POPULATIONS[t.value.population].contributor !== undefined)
  if (withContributor) return
  const populations = Object.values(POPULATIONS).filter((p) => p.contributor !== undefined)
  const names = populations.map((p) => p.name).join(', ')
  for (const key of ['dominance', 'minContributors'] as const) {
    if (rules[key] === undefined) continue
    const message = `rules.${key} applies to magnitudes by contributor: no table of this dataset is on population ${names}`
    issues.push(issue(at(location, 'rules', key), 'definition/rule-not-applicable', message))
  }
}
