import { describe, expect, it } from 'vitest'
import { foldAccents } from './accent-fold.ts'

describe('foldAccents(text)', () => {
  it('drops the accents of French text, spells ligatures out and upper-cases it', () => {
    expect(
      ['Réunion', 'École', 'île-de-france', 'Cœur', 'ÆSOP', 'garçon', 'Noël', 'Ÿ', 'plain 01053'].map(
        foldAccents,
      ),
    ).toEqual(['REUNION', 'ECOLE', 'ILE-DE-FRANCE', 'COEUR', 'AESOP', 'GARCON', 'NOEL', 'Y', 'PLAIN 01053'])
  })

  it('folds a decomposed accent (e + combining acute) as the composed letter', () => {
    expect(foldAccents('Re\u0301union')).toBe('REUNION')
  })

  it('folds the Latin letters Unicode does not decompose, and leaves other scripts as they are', () => {
    expect(['Michał', 'Đorđević', 'Øster', 'Straße', 'Þór', 'Ωμέγα'].map(foldAccents)).toEqual([
      'MICHAL',
      'DORDEVIC',
      'OSTER',
      'STRASSE',
      'THOR',
      'Ωμέγα',
    ])
  })
})
