import { describe, expect, it } from 'vitest'
import { buildPeriodHierarchy } from './period-hierarchy.ts'

describe('buildPeriodHierarchy', () => {
  it('gives every observed month its quarter and year, with French labels, level by level', () => {
    expect(buildPeriodHierarchy(['2025-05', '2024-12', '2025-04'])).toEqual([
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
    expect(buildPeriodHierarchy(['2023', '2024-T1', '2024-T1', '2023'])).toEqual([
      { code: '_T', parent: '', label: 'Total', level: 'total' },
      { code: '2023', parent: '_T', label: '2023', level: 'annee' },
      { code: '2024', parent: '_T', label: '2024', level: 'annee' },
      { code: '2024-T1', parent: '2024', label: '1er trimestre 2024', level: 'trimestre' },
    ])
  })

  it('is only the total when no period is observed', () => {
    expect(buildPeriodHierarchy([])).toEqual([{ code: '_T', parent: '', label: 'Total', level: 'total' }])
  })

  it('refuses a code of no level', () => {
    expect(() => buildPeriodHierarchy(['2025-13'])).toThrow('invalid period code: 2025-13')
    expect(() => buildPeriodHierarchy(['2025-T5'])).toThrow('invalid period code: 2025-T5')
  })
})
