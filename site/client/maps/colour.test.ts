import { describe, expect, it } from 'vitest'
import { colourScale, PALETTE } from './colour.ts'

describe('colourScale', () => {
  it('splits the published range into five equal classes, the largest value in the darkest', () => {
    const scale = colourScale([0.5, 0.6, 0.75, 1], true)
    // French typography: a no-break space before %.
    expect(scale.classes.map((c) => c.label.replace(/[\u00a0\u202f]/g, ' '))).toEqual([
      '50 % à 60 %',
      '60 % à 70 %',
      '70 % à 80 %',
      '80 % à 90 %',
      '90 % à 100 %',
    ])
    expect([0.5, 0.6, 0.75, 1].map(scale.colour)).toEqual([PALETTE[0], PALETTE[1], PALETTE[2], PALETTE[4]])
  })

  it('writes the bounds of count classes as whole numbers', () => {
    expect(colourScale([46, 250], false).classes.map((c) => c.label)).toEqual([
      '46 à 87',
      '87 à 128',
      '128 à 168',
      '168 à 209',
      '209 à 250',
    ])
  })

  it('has one class when every value is equal, none without values', () => {
    expect(colourScale([12, 12], false).classes).toEqual([{ colour: PALETTE[2], label: '12' }])
    expect(colourScale([], false).classes).toEqual([])
  })
})
