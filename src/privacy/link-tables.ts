/**
 * Unifies the cells of linked tables (tables on the same population) into one system of additive
 * relations: a cell that two tables share is one variable, so that the attacker's view and the
 * protection cover every table at once.
 * @module
 */
import { type BuiltTable, codesOf } from './build-table.ts'
import type { Issue, Result } from './types.ts'

/** Every distinct cell of a set of linked tables and every additive relation between them. */
export interface CellSystem {
  readonly tables: readonly BuiltTable[]
  readonly size: number
  /** Persons per distinct cell. */
  readonly value: Float64Array
  /** Canonical key: `dim=code` pairs of the non-total dimensions, sorted by dimension. */
  readonly keys: readonly string[]
  /** Per table: local cell index → distinct cell id. */
  readonly cellIds: readonly Int32Array[]
  /** One table and local index where each cell appears. */
  readonly homeTable: Int32Array
  readonly homeLocal: Int32Array
  /** Relations `cells[start[r]] = Σ cells[start[r]+1 .. start[r+1]-1]` (parent first). */
  readonly relStart: Int32Array
  readonly relCells: Int32Array
  /** Cell → relations it appears in. */
  readonly cellRelStart: Int32Array
  readonly cellRels: Int32Array
  /** A bound no cell exceeds (the largest cell), used as the attacker's upper bound. */
  readonly upper: number
}

/** The canonical key of a table cell: total dimensions left out, so linked tables meet. */
export function cellKey(table: BuiltTable, codes: readonly number[]): string {
  const parts: string[] = []
  table.hierarchies.forEach((h, i) => {
    const code = codes[i]!
    if (code !== 0) parts.push(`${h.dimension}=${h.codes[code]}`)
  })
  const key = parts.sort().join('\u0001')
  return table.population === undefined ? key : `${table.population}\u0002${key}`
}

/** A cell key as people read it: `population: dim=code,dim=code` (`total` for the grand total). */
export function displayKey(key: string): string {
  const [population, cell] = key.includes('\u0002') ? key.split('\u0002') : [undefined, key]
  const shown = cell!.replaceAll('\u0001', ',') || 'total'
  return population === undefined ? shown : `${population}: ${shown}`
}

/**
 * True when the child `c` of `cell` holds every unit of it: the cell has one person, or the child
 * counts as many as the cell (its rows are then all of the cell's, amounts included).
 */
export function holdsAll(system: CellSystem, cell: number, c: number): boolean {
  return system.value[cell] === 1 || system.value[c] === system.value[cell]
}

/**
 * Links tables into one cell system. Tables whose common cells hold different counts give
 * `table/margins-disagree` naming both tables, the cell and the two values.
 */
export function linkTables(tables: readonly BuiltTable[]): Result<CellSystem> {
  const issues: Issue[] = []
  const ids = new Map<string, number>()
  const keys: string[] = []
  const value: number[] = []
  const homeTable: number[] = []
  const homeLocal: number[] = []
  const cellIds = tables.map((table, t) => {
    const map = new Int32Array(table.size)
    for (let local = 0; local < table.size; local++) {
      const key = cellKey(table, codesOf(table, local))
      const n = table.n[local]!
      let id = ids.get(key)
      if (id === undefined) {
        id = keys.length
        ids.set(key, id)
        keys.push(key)
        value.push(n)
        homeTable.push(t)
        homeLocal.push(local)
      } else if (Number.isNaN(value[id]!)) {
        value[id] = n
      } else if (value[id] !== n && !Number.isNaN(n) && issues.length < 50) {
        const other = tables[homeTable[id]!]!.name
        issues.push({
          path: table.name,
          code: 'table/margins-disagree',
          message: `cell ${displayKey(key)} is ${n} here but ${value[id]} in ${other}`,
        })
      }
      map[local] = id
    }
    return map
  })
  if (issues.length > 0) return { ok: false, issues }
  const { relStart, relCells } = buildRelations(tables, cellIds)
  const size = keys.length
  const { start: cellRelStart, items: cellRels } = invert(relStart, relCells, size)
  const values = Float64Array.from(value)
  let upper = 0
  for (const v of values) if (v > upper) upper = v
  return {
    ok: true,
    issues: [],
    value: {
      tables,
      size,
      value: values,
      keys,
      cellIds,
      homeTable: Int32Array.from(homeTable),
      homeLocal: Int32Array.from(homeLocal),
      relStart,
      relCells,
      cellRelStart,
      cellRels,
      upper,
    },
  }
}

function buildRelations(tables: readonly BuiltTable[], cellIds: readonly Int32Array[]) {
  const starts: number[] = [0]
  const cells: number[] = []
  const seen = tables.length > 1 ? new Set<string>() : undefined
  tables.forEach((table, t) => {
    const map = cellIds[t]!
    table.hierarchies.forEach((h, i) => {
      const stride = table.strides[i]!
      for (let local = 0; local < table.size; local++) {
        const code = Math.floor(local / stride) % h.codes.length
        const kids = h.children[code]!
        if (kids.length === 0) continue
        const base = local - code * stride
        const relation = [map[local]!, ...kids.map((k) => map[base + k * stride]!)]
        if (seen) {
          const key = relation.join(',')
          if (seen.has(key)) continue
          seen.add(key)
        }
        cells.push(...relation)
        starts.push(cells.length)
      }
    })
  })
  return { relStart: Int32Array.from(starts), relCells: Int32Array.from(cells) }
}

/** Inverts a CSR list (relation → cells) into cell → relations. */
function invert(start: Int32Array, items: Int32Array, size: number) {
  const count = new Int32Array(size + 1)
  for (const c of items) count[c + 1]!++
  for (let i = 0; i < size; i++) count[i + 1]! += count[i]!
  const fill = count.slice(0, size)
  const out = new Int32Array(items.length)
  for (let r = 0; r + 1 < start.length; r++) {
    for (let k = start[r]!; k < start[r + 1]!; k++) out[fill[items[k]!]!++] = r
  }
  return { start: count, items: out }
}
