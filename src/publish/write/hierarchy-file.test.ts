import { describe, expect, it } from 'vitest'
import { hierarchyCsv, hierarchyRows } from './hierarchy-file.ts'

const labels = [
  { code: '_T', parent: '', label: 'Ensemble', level: 'total' },
  { code: '2', parent: '_T', label: 'Domaines technico-professionnels de la production', level: 'domaine' },
  {
    code: '200',
    parent: '2',
    label: 'Technologies industrielles fondamentales, génie industriel',
    level: 'groupe',
  },
  { code: '3', parent: '_T', label: 'Domaines technico-professionnels des services', level: 'domaine' },
]

describe('hierarchy files', () => {
  it('keep only the codes the tables use, depth first, with parent, label and level, quoted when needed', () => {
    expect(hierarchyCsv(hierarchyRows(labels, new Set(['_T', '2', '200'])))).toBe(
      'code,parent,label,niveau\n' +
        '_T,,Ensemble,total\n' +
        '2,_T,Domaines technico-professionnels de la production,domaine\n' +
        '200,2,"Technologies industrielles fondamentales, génie industriel",groupe\n',
    )
  })
})
