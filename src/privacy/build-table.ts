/**
 * Checks a table's leaf rows against its hierarchies and computes every cell at every level
 * (the margins), so that the table is complete before any rule is applied.
 * @module
 */
import { buildHierarchy, flatHierarchy, type Hierarchy, isLeaf } from './build-hierarchy.ts'
import type { Issue, RateInput, Result, TableInput } from './types.ts'

/** A complete table: one cell per combination of codes of every level, stored densely. */
export interface BuiltTable {
  readonly name: string
  readonly dimensions: readonly string[]
  readonly hierarchies: readonly Hierarchy[]
  /** Local index = Σ code_i × strides_i. */
  readonly strides: readonly number[]
  readonly size: number
  readonly n: Float64Array
  readonly numerator?: Float64Array
  /** Per cell, contributions sorted largest first (only when the input has them). */
  readonly contributions?: readonly (readonly number[])[]
  /** Tables of different populations are never linked. */
  readonly population?: string
  /** Additive measures per cell, summed like `n`. */
  readonly measures?: ReadonlyMap<string, Float64Array>
  /** Non-additive measures per cell as given (NaN where not given). */
  readonly cellValues?: ReadonlyMap<string, Float64Array>
  /** Distinct persons per cell, when the input names a persons measure. */
  readonly persons?: Float64Array
  /** The additive measure the dominance rules protect (`TableInput.magnitude`), one of `measures`. */
  readonly magnitude?: string
  /**
   * Numerator and denominator of every published rate, per cell, with the names of the measures
   * they are (`undefined`: the count `n`).
   */
  readonly rates?: readonly {
    readonly numerator: Float64Array
    readonly denominator: Float64Array
    readonly names: readonly (string | undefined)[]
    /** Distinct persons of the numerator, denominator and complement, when the input gives them. */
    readonly persons?: {
      readonly numerator: Float64Array
      readonly denominator: Float64Array
      readonly complement: Float64Array
    }
    /** Per cell, 1 where the rate is not published (`RateInput.skip`): its rules do not apply. */
    readonly skip?: Uint8Array
  }[]
  /** Per cell, 1 for the cells of internal codes (`TableInput.internal`), not published as rows. */
  readonly internal?: Uint8Array
  /** The dimensions `TableInput.internal` names (one with its root alone is left out of the rows). */
  readonly internalDimensions?: readonly string[]
}

/** The code indices of a local cell index. */
export function codesOf(table: BuiltTable, local: number): number[] {
  return table.hierarchies.map((h, i) => Math.floor(local / table.strides[i]!) % h.codes.length)
}

/**
 * Builds a complete table from its leaf rows. Issues name the table, the line and the bad value:
 * `table/unknown-code`, `table/not-a-leaf`, `table/negative-count`, `table/non-integer-count`,
 * `table/duplicate-row`, `table/numerator-exceeds-count`, `table/negative-contribution`, and the
 * hierarchy issues of {@link buildHierarchy}.
 */
export function buildTable(input: TableInput): Result<BuiltTable> {
  const issues: Issue[] = []
  const path = input.name
  const hierarchies: Hierarchy[] = []
  input.dimensions.forEach((dim, i) => {
    const rows = input.hierarchies?.[dim]
    if (!rows) {
      hierarchies.push(
        flatHierarchy(
          dim,
          input.rows.map((r) => r.codes[i] ?? ''),
        ),
      )
      return
    }
    const built = buildHierarchy(dim, rows, `${path}#hierarchy:${dim}`)
    if (built.ok) hierarchies.push(built.value)
    else issues.push(...built.issues)
  })
  if (issues.length > 0) return { ok: false, issues }
  const sizes = hierarchies.map((h) => h.codes.length)
  const strides: number[] = []
  let size = 1
  for (let i = sizes.length - 1; i >= 0; i--) {
    strides[i] = size
    size *= sizes[i]!
  }
  const n = new Float64Array(size)
  const hasNumerator = input.rows.some((r) => r.numerator !== undefined)
  const hasContributions = input.rows.some((r) => r.contributions !== undefined)
  const numerator = hasNumerator ? new Float64Array(size) : undefined
  const contributions: number[][] | undefined = hasContributions
    ? Array.from({ length: size }, () => [])
    : undefined
  const keyed = input.rows.some((r) => r.contributors !== undefined)
  const contributors: Map<string, number>[] | undefined = keyed
    ? Array.from({ length: size }, () => new Map())
    : undefined
  const measureNames = [
    ...new Set([...(input.measureNames ?? []), ...input.rows.flatMap((r) => Object.keys(r.measures ?? {}))]),
  ].sort()
  const measures = new Map(measureNames.map((name) => [name, new Float64Array(size)]))
  const seen = new Set<number>()
  for (const row of input.rows) {
    const at = { path, ...(row.line === undefined ? {} : { line: row.line }) }
    const local = leafIndex(row.codes, hierarchies, strides, at, issues)
    if (!checkCount(row.n, 'n', at, issues)) continue
    if (
      row.numerator !== undefined &&
      checkCount(row.numerator, 'numerator', at, issues) &&
      row.numerator > row.n
    ) {
      issues.push({
        ...at,
        code: 'table/numerator-exceeds-count',
        message: `numerator ${row.numerator} > n ${row.n}`,
      })
    }
    for (const c of [...(row.contributions ?? []), ...Object.values(row.contributors ?? {})]) {
      if (!(c >= 0))
        issues.push({ ...at, code: 'table/negative-contribution', message: `negative contribution: ${c}` })
    }
    for (const [name, value] of Object.entries(row.measures ?? {})) {
      if (!Number.isFinite(value))
        issues.push({ ...at, code: 'table/bad-row', message: `measure ${name} is not a number: ${value}` })
    }
    if (local === undefined) continue
    if (seen.has(local)) {
      issues.push({ ...at, code: 'table/duplicate-row', message: `duplicate cell: ${row.codes.join(',')}` })
      continue
    }
    seen.add(local)
    n[local] = row.n
    if (numerator) numerator[local] = row.numerator ?? 0
    if (contributions) contributions[local] = [...(row.contributions ?? [])]
    if (contributors)
      for (const [k, v] of Object.entries(row.contributors ?? {})) contributors[local]!.set(k, v)
    for (const [name, value] of Object.entries(row.measures ?? {})) measures.get(name)![local] = value
  }
  if (issues.length > 0) return { ok: false, issues }
  hierarchies.forEach((h, i) => {
    aggregate(h, strides[i]!, size, (from, to) => {
      n[to] = n[to]! + n[from]!
      if (numerator) numerator[to] = numerator[to]! + numerator[from]!
      if (contributions) contributions[to]!.push(...contributions[from]!)
      if (contributors) addContributors(contributors[to]!, contributors[from]!)
      for (const values of measures.values()) values[to] = values[to]! + values[from]!
    })
  })
  // Keyed amounts become one contribution per contributor, so that a contributor present in
  // several leaves weighs its total in every margin (dominance by organism).
  const merged = contributors
    ? contributors.map((map, local) => [...(contributions?.[local] ?? []), ...map.values()])
    : contributions
  if (merged) for (const list of merged) list.sort((a, b) => b - a)
  const cells = cellMeasures(input, hierarchies, strides, size, issues)
  if (issues.length > 0) return { ok: false, issues }
  const measureNamed = (name: string | undefined): Float64Array | undefined =>
    name === undefined ? n : (measures.get(name) ?? cells.get(name))
  const rates = (input.rates ?? []).map((rate, i) => {
    const numeratorValues = measureNamed(rate.numerator)
    const denominator = measureNamed(rate.denominator)
    if (!numeratorValues || !denominator) {
      issues.push({
        path: `${path}#rates/${i}`,
        code: 'table/bad-row',
        message: `rate names an unknown measure: ${numeratorValues ? rate.denominator : rate.numerator}`,
      })
    }
    const persons = rate.persons && ratePersons(rate.persons, cells, `${path}#rates/${i}`, issues)
    const skip =
      rate.skip &&
      cellsWithCodes(
        hierarchies,
        strides,
        size,
        rate.skip.dimension,
        rate.skip.codes,
        `${path}#rates/${i}`,
        issues,
      )
    return {
      numerator: numeratorValues ?? n,
      denominator: denominator ?? n,
      names: [rate.numerator, rate.denominator],
      ...(persons ? { persons } : {}),
      ...(skip ? { skip } : {}),
    }
  })
  const internal = internalCells(input, hierarchies, strides, size, path, issues)
  if (input.magnitude !== undefined && !measures.has(input.magnitude))
    issues.push({ path, code: 'table/bad-row', message: `unknown magnitude measure: ${input.magnitude}` })
  const persons = input.personsMeasure === undefined ? undefined : cells.get(input.personsMeasure)
  if (input.personsMeasure !== undefined && !persons)
    issues.push({ path, code: 'table/bad-row', message: `unknown persons measure: ${input.personsMeasure}` })
  if (issues.length > 0) return { ok: false, issues }
  const table: BuiltTable = {
    name: input.name,
    dimensions: [...input.dimensions],
    hierarchies,
    strides,
    size,
    n,
    ...(numerator ? { numerator } : {}),
    ...(merged ? { contributions: merged } : {}),
    ...(input.population === undefined ? {} : { population: input.population }),
    ...(measures.size > 0 ? { measures } : {}),
    ...(cells.size > 0 ? { cellValues: cells } : {}),
    ...(persons ? { persons } : {}),
    ...(input.magnitude === undefined ? {} : { magnitude: input.magnitude }),
    ...(rates.length > 0 ? { rates } : {}),
    ...(internal ? { internal } : {}),
    ...(input.internal ? { internalDimensions: Object.keys(input.internal) } : {}),
  }
  return { ok: true, value: table, issues: [] }
}

/**
 * Per cell, 1 where the code in `dimension` is one of `codes` (each code and the dimension must
 * exist: `table/unknown-code`).
 */
function cellsWithCodes(
  hierarchies: readonly Hierarchy[],
  strides: readonly number[],
  size: number,
  dimension: string,
  codes: readonly string[],
  path: string,
  issues: Issue[],
): Uint8Array | undefined {
  const d = hierarchies.findIndex((h) => h.dimension === dimension)
  const h = hierarchies[d]
  if (!h) {
    issues.push({ path, code: 'table/unknown-code', message: `no dimension ${dimension}` })
    return undefined
  }
  const wanted = new Set<number>()
  for (const code of codes) {
    const index = h.index.get(code)
    if (index === undefined)
      issues.push({
        path,
        code: 'table/unknown-code',
        message: `code ${code} is not in hierarchy ${dimension}`,
      })
    else wanted.add(index)
  }
  const mask = new Uint8Array(size)
  for (let local = 0; local < size; local++)
    if (wanted.has(Math.floor(local / strides[d]!) % h.codes.length)) mask[local] = 1
  return mask
}

/** The cells of the input's internal codes; the root is no internal code. */
function internalCells(
  input: TableInput,
  hierarchies: readonly Hierarchy[],
  strides: readonly number[],
  size: number,
  path: string,
  issues: Issue[],
): Uint8Array | undefined {
  let out: Uint8Array | undefined
  for (const [dimension, codes] of Object.entries(input.internal ?? {})) {
    const h = hierarchies.find((x) => x.dimension === dimension)
    for (const code of codes) {
      const index = h?.index.get(code)
      if (h && index === 0)
        issues.push({
          path,
          code: 'table/unknown-code',
          message: `internal code ${code} of ${dimension} is its root: the table would have no row`,
        })
    }
    const mask = cellsWithCodes(hierarchies, strides, size, dimension, codes, `${path}#internal`, issues)
    if (!mask) continue
    if (!out) out = mask
    else for (let i = 0; i < size; i++) out[i] = out[i]! | mask[i]!
  }
  return out
}

/** A rate's persons columns, each a cell measure of the input; an unknown name is an issue. */
function ratePersons(
  names: NonNullable<RateInput['persons']>,
  cells: ReadonlyMap<string, Float64Array>,
  path: string,
  issues: Issue[],
): NonNullable<NonNullable<BuiltTable['rates']>[number]['persons']> | undefined {
  const missing = Object.values(names).filter((name) => !cells.has(name))
  if (missing.length > 0) {
    issues.push({
      path,
      code: 'table/bad-row',
      message: `rate persons name unknown cell measures: ${missing.join(', ')}`,
    })
    return undefined
  }
  return {
    numerator: cells.get(names.numerator)!,
    denominator: cells.get(names.denominator)!,
    complement: cells.get(names.complement)!,
  }
}

function addContributors(to: Map<string, number>, from: ReadonlyMap<string, number>): void {
  for (const [k, v] of from) to.set(k, (to.get(k) ?? 0) + v)
}

/** Non-additive values of cells at any level, NaN where a cell has none. */
function cellMeasures(
  input: TableInput,
  hierarchies: readonly Hierarchy[],
  strides: readonly number[],
  size: number,
  issues: Issue[],
): Map<string, Float64Array> {
  const out = new Map<string, Float64Array>()
  // The persons measure exists even when no cell gives it (an empty population): every cell then
  // has none, and an empty one has 0.
  if (input.personsMeasure !== undefined)
    out.set(input.personsMeasure, new Float64Array(size).fill(Number.NaN))
  // So do the persons of the rates of an empty table (in a table with cells, a name no cell gives
  // is reported: \`table/bad-row\`).
  if (input.rows.length === 0)
    for (const rate of input.rates ?? [])
      for (const name of Object.values(rate.persons ?? {}))
        if (!out.has(name)) out.set(name, new Float64Array(size).fill(Number.NaN))
  for (const row of input.cellMeasures ?? []) {
    let local = 0
    for (let i = 0; i < hierarchies.length; i++) {
      const h = hierarchies[i]!
      const index = h.index.get(row.codes[i] ?? '')
      if (index === undefined || row.codes.length !== hierarchies.length) {
        issues.push({
          path: input.name,
          code: 'table/unknown-code',
          message: `cell measures of an unknown cell: ${row.codes.join(',')}`,
        })
        return out
      }
      local += index * strides[i]!
    }
    for (const [name, value] of Object.entries(row.values)) {
      const values = out.get(name) ?? new Float64Array(size).fill(Number.NaN)
      out.set(name, values)
      values[local] = value
    }
  }
  return out
}

function leafIndex(
  codes: readonly string[],
  hierarchies: readonly Hierarchy[],
  strides: readonly number[],
  at: { path: string; line?: number },
  issues: Issue[],
): number | undefined {
  if (codes.length !== hierarchies.length) {
    issues.push({
      ...at,
      code: 'table/bad-row',
      message: `expected ${hierarchies.length} codes, got ${codes.length}`,
    })
    return undefined
  }
  let local = 0
  let ok = true
  hierarchies.forEach((h, i) => {
    const code = codes[i]!
    const index = h.index.get(code)
    if (index === undefined) {
      issues.push({ ...at, code: 'table/unknown-code', message: `unknown code in ${h.dimension}: ${code}` })
      ok = false
    } else if (!isLeaf(h, index)) {
      issues.push({ ...at, code: 'table/not-a-leaf', message: `not a leaf of ${h.dimension}: ${code}` })
      ok = false
    } else local += index * strides[i]!
  })
  return ok ? local : undefined
}

function checkCount(
  value: number,
  field: string,
  at: { path: string; line?: number },
  issues: Issue[],
): boolean {
  if (!Number.isFinite(value) || !Number.isInteger(value)) {
    issues.push({ ...at, code: 'table/non-integer-count', message: `${field} is not an integer: ${value}` })
    return false
  }
  if (value < 0) {
    issues.push({ ...at, code: 'table/negative-count', message: `negative ${field}: ${value}` })
    return false
  }
  return true
}

/**
 * A table's values of one additive measure with every leaf rounded by `round` (e.g. to whole
 * cents) and the margins added up again from them, so that every relation holds exactly.
 */
export function roundedValues(
  table: BuiltTable,
  values: Float64Array,
  round: (v: number) => number,
): Float64Array {
  const out = new Float64Array(table.size)
  for (let local = 0; local < table.size; local++) {
    const codes = codesOf(table, local)
    if (codes.every((c, i) => isLeaf(table.hierarchies[i]!, c))) out[local] = round(values[local]!)
  }
  table.hierarchies.forEach((h, i) => {
    aggregate(h, table.strides[i]!, table.size, (from, to) => {
      out[to] = out[to]! + out[from]!
    })
  })
  return out
}

/** Adds every cell into its parent along one dimension, deepest codes first (reverse depth-first order). */
function aggregate(
  h: Hierarchy,
  stride: number,
  size: number,
  add: (from: number, to: number) => void,
): void {
  const block = stride * h.codes.length
  for (let code = h.codes.length - 1; code > 0; code--) {
    const parent = h.parent[code]!
    for (let outer = 0; outer < size; outer += block) {
      const from = outer + code * stride
      const to = outer + parent * stride
      for (let inner = 0; inner < stride; inner++) add(from + inner, to + inner)
    }
  }
}
