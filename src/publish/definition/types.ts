/**
 * Dataset definitions as read from `datasets/<slug>/dataset.json`, after checking.
 * @module
 */
import type { DimensionName, MeasureName, PopulationName } from './catalogue.ts'

/** EU data themes (http://publications.europa.eu/resource/authority/data-theme/…). */
export type DataTheme = 'EDUC' | 'ECON' | 'SOCI' | 'GOVE' | 'REGI'

/** EU frequencies (http://publications.europa.eu/resource/authority/frequency/…). */
export type Frequency = 'MONTHLY' | 'QUARTERLY' | 'ANNUAL'

/** Disclosure rules a dataset may tighten (DOMAIN.md defaults otherwise). */
export interface RulesDefinition {
  /** Persons threshold: a cell of 1 to minPersons − 1 distinct persons is secret (default 11). */
  readonly minPersons?: number
  /** Rates: least denominator (default 20) and least numerator/complement (default minPersons). */
  readonly rate?: { readonly minDenominator?: number; readonly minCount?: number }
  /** Magnitudes by organism: (n,k)-dominance and least number of organisms. */
  readonly dominance?: readonly { readonly n: number; readonly k: number }[]
  readonly minContributors?: number
  /** Protection interval, % of the cell value (default 10). */
  readonly protectionPercent?: number
}

/** A dimension of a table, cut at a level of its hierarchy (default: its deepest level). */
export interface TableDimension {
  readonly name: DimensionName
  /** Deepest level kept (a level name of the dimension, e.g. `departement` for `territoire`). */
  readonly depth?: string
}

/** One published table: a few dimensions crossed with all their margins, on one population. */
export interface TableDefinition {
  /** File name (without extension), snake_case. */
  readonly name: string
  readonly title: string
  readonly description: string
  readonly population: PopulationName
  readonly dimensions: readonly TableDimension[]
  /** Measures published, in column order; the population's count measure is always first. */
  readonly measures: readonly MeasureName[]
}

/** A dataset: documented tables published together. */
export interface DatasetDefinition {
  /** Folder name under `datasets/`, `[a-z0-9-]+`. */
  readonly slug: string
  readonly title: string
  /** One paragraph, in French. */
  readonly description: string
  readonly keywords: readonly string[]
  readonly themes: readonly DataTheme[]
  readonly frequency: Frequency
  readonly rules: RulesDefinition
  readonly tables: readonly TableDefinition[]
  /** The dataset's hand-written documentation (Markdown, French), `datasets/<slug>/README.md`. */
  readonly documentation: string
}
