/**
 * The trees published with each dimension: `code,parent,label` rows, each with the name of its
 * level so that a table's `depth` can cut the tree (src/publish/README.md, "Conventions").
 * @module
 */

/** The total at the top of every hierarchy (SDMX convention). */
export const TOTAL = '_T'
/** The level name of the total. */
export const TOTAL_LEVEL = 'total'

/** One node of a dimension's tree; the root `_T` has an empty parent. */
export interface HierarchyNode {
  readonly code: string
  readonly parent: string
  readonly label: string
  /** A level name of the dimension in catalogue.ts, or `total` for the root. */
  readonly level: string
}

/** A commune of the `commune` table. */
export interface CommuneSource {
  readonly code: string
  readonly name: string
  readonly departement: string
  readonly region: string
  /** `commune-actuelle`, `commune-deleguee`, `commune-associee`, `arrondissement-municipal`. */
  readonly type: string
}

/** A row of the `code_list` table (or of a CSV of reference/codes read the same way). */
export interface CodeListEntry {
  readonly list: string
  readonly code: string
  readonly label: string
  readonly attributes: Readonly<Record<string, string>>
}

/** A partner of the hub: funders (REGION, OPCO, FT, CDC, TPRO, AGEFIPH) and CEP operators (CEP). */
export interface PartnerSource {
  readonly code: string
  readonly name: string
  readonly kind: string
}

/** A training organism of the referential, with the région of its commune (null: unknown). */
export interface OrganismSource {
  readonly siret: string
  readonly name: string
  readonly region: string | null
}

/** Reference data the hierarchies are built from (`loadHierarchySources` reads them from the store). */
export interface HierarchySources {
  readonly communes: readonly CommuneSource[]
  readonly codeLists: readonly CodeListEntry[]
  readonly partners: readonly PartnerSource[]
  readonly organisms: readonly OrganismSource[]
}

/** Codes that only the data knows: the periods observed, and organisms absent from the referential. */
export interface ObservedCodes {
  /** Period codes of any level (`2025`, `2025-T1`, `2025-01`). */
  readonly periods: readonly string[]
  /** SIRETs found in the facts; those not in the referential go under `RZZ`. */
  readonly organisms?: readonly string[]
  /** The data date (`YYYY-MM-DD`): a period ending after it is labelled as partial. */
  readonly asOf: string
}

/** The root node of a dimension. */
export function root(label = 'Total'): HierarchyNode {
  return { code: TOTAL, parent: '', label, level: TOTAL_LEVEL }
}

/** A one-level tree: the total, then each code under it, in the order given (lists have a meaningful order). */
export function flatTree(level: string, entries: readonly (readonly [string, string])[]): HierarchyNode[] {
  return [root(), ...entries.map(([code, label]) => ({ code, parent: TOTAL, label, level }))]
}

/** The entries of one code list, as [code, label]. */
export function listEntries(codeLists: readonly CodeListEntry[], list: string): [string, string][] {
  return codeLists.filter((e) => e.list === list).map((e) => [e.code, e.label])
}

/** Byte-order comparison, so that the order does not depend on the locale. */
export function byCode(a: { code: string }, b: { code: string }): number {
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0
}
