import { describe, expect, it } from 'vitest'
import type { HierarchyNode } from './hierarchy-types.ts'
import { restrictHierarchy } from './restrict-hierarchy.ts'

const node = (code: string, parent: string, level: string): HierarchyNode => ({
  code,
  parent,
  label: code,
  level,
})
const TREE: HierarchyNode[] = [
  node('_T', '', 'total'),
  node('R84', '_T', 'region'),
  node('R11', '_T', 'region'),
  node('D01', 'R84', 'departement'),
  node('D03', 'R84', 'departement'),
  node('D75', 'R11', 'departement'),
  node('C01053', 'D01', 'commune'),
  node('C01004', 'D01', 'commune'),
  node('C03190', 'D03', 'commune'),
  node('C75056', 'D75', 'commune'),
]
const codes = (rows: HierarchyNode[]) => rows.map((r) => r.code)

describe('restrictHierarchy', () => {
  it('keeps the root, the used codes and their ancestors, in the order of the tree', () => {
    expect(codes(restrictHierarchy(TREE, ['C75056', 'C01053']))).toEqual([
      '_T',
      'R84',
      'R11',
      'D01',
      'D75',
      'C01053',
      'C75056',
    ])
  })

  it('keeps a used code of an upper level without its children', () => {
    expect(codes(restrictHierarchy(TREE, ['D03']))).toEqual(['_T', 'R84', 'D03'])
  })

  it('cuts below a level: a used code deeper is represented by its ancestor at that level', () => {
    expect(codes(restrictHierarchy(TREE, ['C01053', 'C03190', 'R11'], 'departement'))).toEqual([
      '_T',
      'R84',
      'R11',
      'D01',
      'D03',
    ])
    expect(codes(restrictHierarchy(TREE, ['C01053'], 'region'))).toEqual(['_T', 'R84'])
  })

  it('ignores codes the tree does not have, and keeps the root alone when nothing is used', () => {
    expect(restrictHierarchy(TREE, ['C99999', 'X'])).toEqual([node('_T', '', 'total')])
  })
})
