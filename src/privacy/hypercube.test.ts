import { describe, expect, it } from 'vitest'
import { buildHierarchy, type Hierarchy } from './build-hierarchy.ts'
import { buildTable } from './build-table.ts'
import { findPattern, linesOf, type PatternCost } from './hypercube.ts'
import { type CellSystem, linkTables } from './link-tables.ts'
import { tableLocations } from './neighbourhood.ts'

function hierarchy(rows: [string, string][]): Hierarchy {
  const built = buildHierarchy(
    'd',
    rows.map(([code, parent]) => ({ code, parent })),
    'd',
  )
  if (!built.ok) throw new Error(built.issues[0]?.message)
  return built.value
}

/** The lines as readable lists of `+code` / `-code`. */
function readable(h: Hierarchy, code: string): string[][] {
  const { codes, signs, start } = linesOf(h, h.index.get(code)!)
  const out: string[][] = []
  for (let j = 0; j + 1 < start.length; j++) {
    const line: string[] = []
    for (let k = start[j]!; k < start[j + 1]!; k++)
      line.push(`${signs[k]! > 0 ? '+' : '-'}${h.codes[codes[k]!]}`)
    out.push(line)
  }
  return out
}

//      T
//    /   \
//   A     B
//  / \   / \
// a1 a2 b1 b2
const tree = hierarchy([
  ['T', ''],
  ['A', 'T'],
  ['B', 'T'],
  ['a1', 'A'],
  ['a2', 'A'],
  ['b1', 'B'],
  ['b2', 'B'],
])

describe('linesOf', () => {
  it('lists, for a leaf, its siblings, then its parent against each sibling chain of the parent, then the chain to the root', () => {
    expect(readable(tree, 'a1')).toEqual([
      ['+a1', '-a2'],
      ['+A', '+a1', '-B', '-b1'],
      ['+A', '+a1', '-B', '-b2'],
      ['+A', '+T', '+a1'],
    ])
  })

  it('gives every line of every code a change that keeps each parent equal to the sum of its children', () => {
    for (const code of tree.codes) {
      const { codes, signs, start } = linesOf(tree, tree.index.get(code)!)
      for (let j = 0; j + 1 < start.length; j++) {
        const change = new Map<number, number>()
        for (let k = start[j]!; k < start[j + 1]!; k++) change.set(codes[k]!, signs[k]!)
        tree.codes.forEach((_, parent) => {
          const kids = tree.children[parent]!
          if (kids.length === 0) return
          const sum = kids.reduce((s, kid) => s + (change.get(kid) ?? 0), 0)
          expect(change.get(parent) ?? 0, `${code} line ${j}, ${tree.codes[parent]}`).toBe(sum)
        })
      }
    }
  })

  it('packs the lines of a code with many siblings into typed arrays', () => {
    const wide = hierarchy([
      ['T', ''],
      ...Array.from({ length: 300 }, (_, i): [string, string] => [`c${i}`, 'T']),
    ])
    const lines = linesOf(wide, wide.index.get('c0')!)
    expect(lines.codes).toBeInstanceOf(Int32Array)
    expect(lines.signs).toBeInstanceOf(Int8Array)
    expect(lines.start.length - 1).toBe(300)
  })
})

describe('findPattern', () => {
  //        c1  c2  c3
  //   r1    3   5   1
  //   r2    5   1   5
  // (r1, c1) must move by 2 both ways; the cells of 1 are shown `A` (floor 1): neither can go down.
  const built = buildTable({
    name: 't',
    dimensions: ['r', 'c'],
    rows: [
      { codes: ['r1', 'c1'], n: 3 },
      { codes: ['r1', 'c2'], n: 5 },
      { codes: ['r1', 'c3'], n: 1 },
      { codes: ['r2', 'c1'], n: 5 },
      { codes: ['r2', 'c2'], n: 1 },
      { codes: ['r2', 'c3'], n: 5 },
    ],
  })
  if (!built.ok) throw new Error(built.issues[0]?.message)
  const linked = linkTables([built.value])
  if (!linked.ok) throw new Error(linked.issues[0]?.message)
  const system: CellSystem = linked.value
  // Keys join `dim=code` pairs with \x01; the test writes them with `|`.
  const cellOf = (key: string) => system.keys.indexOf(key.replace('|', '\x01'))
  const target = cellOf('c=c1|r=r1')
  const floor = new Float64Array(system.size)
  for (const key of ['c=c3|r=r1', 'c=c2|r=r2', 'c=c1|r=r1']) floor[cellOf(key)] = 1
  // Margins are published; interior cells are suppressed already (`reuse`) or cost their persons.
  const costOf =
    (reuse: number): PatternCost =>
    (c, move) => {
      const moved = system.value[c]! + move
      if (moved < floor[c]! || moved > system.upper) return 1e12
      if (c === target) return 0
      return system.keys[c]!.includes('\x01') ? reuse : 1e12
    }
  const readable = (cells: Int32Array, change: Float64Array) =>
    Object.fromEntries(
      [...cells].flatMap((c, i) =>
        change[i] !== 0 ? [[system.keys[c]!.replace('\x01', '|'), change[i]]] : [],
      ),
    )

  it('finds an up and a down pattern apart, within suppressed cells, where the floors leave no pattern that serves both ways', () => {
    expect(target).toBeGreaterThanOrEqual(0)
    const found = findPattern(system, tableLocations(system), target, 2, costOf(1e-3))
    if (!found) throw new Error('no pattern')
    const { cells, up, down } = found.certificate
    // Up, the cells of 1 go up; down, the other way round, through the third column.
    expect([readable(cells, up), readable(cells, down)]).toEqual([
      { 'c=c1|r=r1': 2, 'c=c1|r=r2': -2, 'c=c2|r=r1': -2, 'c=c2|r=r2': 2 },
      { 'c=c1|r=r1': -2, 'c=c1|r=r2': 2, 'c=c3|r=r1': 2, 'c=c3|r=r2': -2 },
    ])
  })

  it('offers no patterns apart that suppress new cells (the LP is tried instead)', () => {
    expect(findPattern(system, tableLocations(system), target, 2, costOf(2))).toBeUndefined()
  })

  it('uses one pattern both ways where one serves, as two apart would suppress more', () => {
    // Every cell free to move either way: one pattern suppresses 3 cells, two apart would take 5.
    const free: PatternCost = (c) => (c === target ? 0 : system.keys[c]!.includes('\x01') ? 1 : 1e12)
    const found = findPattern(system, tableLocations(system), target, 2, free)
    if (!found) throw new Error('no pattern')
    const { cells, up, down } = found.certificate
    expect([cells.length, found.cost, [...down]]).toEqual([4, 3, [...up].map((x) => -x)])
  })
})
