import { describe, expect, it } from 'vitest'
import { cutEnd, shortLabels } from './short-labels.ts'

const AFC = 'Action de formation conventionnée'
const AFPR = 'Action de formation préalable au recrutement'

describe('shortLabels', () => {
  it('keeps labels that fit, and cuts the others at the end when that tells them apart', () => {
    expect([...shortLabels(['Bretagne', 'Provence-Alpes-Côte d’Azur'], 20).values()]).toEqual([
      'Bretagne',
      'Provence-Alpes-Côte…',
    ])
  })

  it('keeps the first and last words of labels that would read alike cut at the end', () => {
    expect(cutEnd(AFC, 20)).toBe(cutEnd(AFPR, 20))
    expect(Object.fromEntries(shortLabels([AFC, AFPR, 'Bilan de compétences'], 20))).toEqual({
      [AFC]: 'Action…conventionnée',
      [AFPR]: 'Action…recrutement',
      'Bilan de compétences': 'Bilan de compétences',
    })
  })

  it('cuts a word that does not fit, within the room', () => {
    expect(Object.fromEntries(shortLabels([AFC, AFPR], 12))).toEqual({
      [AFC]: 'Act…ntionnée',
      [AFPR]: 'Act…rutement',
    })
  })
})
