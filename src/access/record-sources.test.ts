import { describe, expect, it } from 'vitest'
import { sourcesShown } from './record-sources.ts'

describe('sourcesShown(kind, held)', () => {
  it('offers what the partner’s kind sends, and whatever else it holds, never nothing', () => {
    const cases = [
      ['REGION', false, false],
      ['REGION', true, false],
      ['FT', true, true],
      ['FT', false, true],
      ['CEP', false, false],
      ['CEP', false, true],
      ['CEP', true, true],
    ] as const
    expect(cases.map(([kind, dossiers, cep]) => [kind, sourcesShown(kind, { dossiers, cep })])).toEqual([
      ['REGION', { dossiers: true, cep: false }],
      ['REGION', { dossiers: true, cep: false }],
      ['FT', { dossiers: true, cep: true }],
      ['FT', { dossiers: true, cep: true }],
      ['CEP', { dossiers: false, cep: true }],
      ['CEP', { dossiers: false, cep: true }],
      ['CEP', { dossiers: true, cep: true }],
    ])
  })
})
