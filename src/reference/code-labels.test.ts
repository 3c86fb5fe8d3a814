import { describe, expect, it } from 'vitest'
import { codeLabels } from './code-labels.ts'

describe('codeLabels', () => {
  it('names codes as their code list does, and reads a list once', async () => {
    const regions = await codeLabels('regions.csv', 'code_region', 'nom')
    expect(['84', '11', '04'].map((code) => regions.get(code))).toEqual([
      'Auvergne-Rhône-Alpes',
      'Île-de-France',
      'La Réunion',
    ])
    expect(await codeLabels('regions.csv', 'code_region', 'nom')).toBe(regions)
  })
})
