import { describe, expect, it } from 'vitest'
import { buildHierarchy, type Hierarchy } from './build-hierarchy.ts'
import { linesOf } from './hypercube.ts'

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
