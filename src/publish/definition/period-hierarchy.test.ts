import { describe, expect, it } from 'vitest'
import { buildPeriodHierarchy, withPlannedPeriods } from './period-hierarchy.ts'

describe('buildPeriodHierarchy', () => {
  it('gives every observed month its quarter and year, with French labels, level by level', () => {
    expect(buildPeriodHierarchy(['2025-05', '2024-12', '2025-04'], '2025-12-31')).toEqual([
      { code: '_T', parent: '', label: 'Total', level: 'total' },
      { code: '2024', parent: '_T', label: '2024', level: 'annee' },
      { code: '2025', parent: '_T', label: '2025', level: 'annee' },
      { code: '2024-T4', parent: '2024', label: '4e trimestre 2024', level: 'trimestre' },
      { code: '2025-T2', parent: '2025', label: '2e trimestre 2025', level: 'trimestre' },
      { code: '2024-12', parent: '2024-T4', label: 'décembre 2024', level: 'mois' },
      { code: '2025-04', parent: '2025-T2', label: 'avril 2025', level: 'mois' },
      { code: '2025-05', parent: '2025-T2', label: 'mai 2025', level: 'mois' },
    ])
  })

  it('takes codes of any level, each once', () => {
    expect(buildPeriodHierarchy(['2023', '2024-T1', '2024-T1', '2023'], '2025-12-31')).toEqual([
      { code: '_T', parent: '', label: 'Total', level: 'total' },
      { code: '2023', parent: '_T', label: '2023', level: 'annee' },
      { code: '2024', parent: '_T', label: '2024', level: 'annee' },
      { code: '2024-T1', parent: '2024', label: '1er trimestre 2024', level: 'trimestre' },
    ])
  })

  it('says in the label of every period the data stop inside where they stop', () => {
    expect(buildPeriodHierarchy(['2026-09', '2026-08', '2025-12'], '2026-09-15')).toEqual([
      { code: '_T', parent: '', label: 'Total', level: 'total' },
      { code: '2025', parent: '_T', label: '2025', level: 'annee' },
      { code: '2026', parent: '_T', label: '2026 (jusqu’au 15 septembre)', level: 'annee' },
      { code: '2025-T4', parent: '2025', label: '4e trimestre 2025', level: 'trimestre' },
      {
        code: '2026-T3',
        parent: '2026',
        label: '3e trimestre 2026 (jusqu’au 15 septembre)',
        level: 'trimestre',
      },
      { code: '2025-12', parent: '2025-T4', label: 'décembre 2025', level: 'mois' },
      { code: '2026-08', parent: '2026-T3', label: 'août 2026', level: 'mois' },
      { code: '2026-09', parent: '2026-T3', label: 'septembre 2026 (jusqu’au 15 septembre)', level: 'mois' },
    ])
  })

  it('calls a period complete when the data stop on its last day', () => {
    expect(buildPeriodHierarchy(['2026-09'], '2026-09-30').map((n) => n.label)).toEqual([
      'Total',
      '2026 (jusqu’au 30 septembre)',
      '3e trimestre 2026',
      'septembre 2026',
    ])
    expect(buildPeriodHierarchy(['2026-01'], '2026-01-01').map((n) => n.label)).toEqual([
      'Total',
      '2026 (jusqu’au 1er janvier)',
      '1er trimestre 2026 (jusqu’au 1er janvier)',
      'janvier 2026 (jusqu’au 1er janvier)',
    ])
  })

  it('is only the total when no period is observed', () => {
    expect(buildPeriodHierarchy([], '2025-12-31')).toEqual([
      { code: '_T', parent: '', label: 'Total', level: 'total' },
    ])
  })

  it('refuses a code of no level', () => {
    expect(() => buildPeriodHierarchy(['2025-13'], '2025-12-31')).toThrow('invalid period code: 2025-13')
    expect(() => buildPeriodHierarchy(['2025-T5'], '2025-12-31')).toThrow('invalid period code: 2025-T5')
  })
})

describe('withPlannedPeriods', () => {
  it('relabels a tree whose periods run past the data date: the current one includes planned trainings, later ones are planned', () => {
    const tree = buildPeriodHierarchy(['2025-T4', '2026-T3', '2026-T4'], '2026-09-15')
    expect(withPlannedPeriods(tree, '2026-09-15').map((n) => `${n.code}: ${n.label}`)).toEqual([
      '_T: Total',
      '2025: 2025',
      '2026: 2026 (dont formations prévues)',
      '2025-T4: 4e trimestre 2025',
      '2026-T3: 3e trimestre 2026 (dont formations prévues)',
      '2026-T4: 4e trimestre 2026 (formations prévues)',
    ])
  })

  it('leaves a tree that stops at the data date as it is', () => {
    const tree = buildPeriodHierarchy(['2025-T4', '2026-T3'], '2026-09-15')
    expect(withPlannedPeriods(tree, '2026-09-15')).toBe(tree)
  })
})
