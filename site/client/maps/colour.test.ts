import { describe, expect, it } from 'vitest'
import { colourScale, PALETTE } from './colour.ts'

describe('colourScale', () => {
  it('splits the published range into five equal classes, the largest value in the darkest', () => {
    const scale = colourScale([0.5, 0.6, 0.75, 1], true)
    // French typography: a no-break space before %.
    expect(scale.classes.map((c) => c.label.replace(/[\u00a0\u202f]/g, ' '))).toEqual([
      '50 % à moins de 60 %',
      '60 % à moins de 70 %',
      '70 % à moins de 80 %',
      '80 % à moins de 90 %',
      '90 % à 100 %',
    ])
    expect([0.5, 0.6, 0.75, 1].map(scale.colour)).toEqual([PALETTE[0], PALETTE[1], PALETTE[2], PALETTE[4]])
  })

  it('writes the bounds of count classes as the whole numbers each class holds, none in two classes', () => {
    // Bounds 46, 86.8, 127.6, 168.4, 209.2, 250: 87 is the first count of the second class.
    const scale = colourScale([46, 86, 87, 127, 128, 250], false)
    expect(scale.classes.map((c) => c.label)).toEqual([
      '46 à moins de 87',
      '87 à moins de 128',
      '128 à moins de 169',
      '169 à moins de 210',
      '210 à 250',
    ])
    expect([86, 87, 127, 128].map(scale.colour)).toEqual([PALETTE[0], PALETTE[1], PALETTE[1], PALETTE[2]])
  })

  it('keeps the bounds of classes of fractional values as they are', () => {
    expect(colourScale([1.5, 4], false).classes.map((c) => c.label)).toEqual([
      '1,5 à moins de 2',
      '2 à moins de 2,5',
      '2,5 à moins de 3',
      '3 à moins de 3,5',
      '3,5 à 4',
    ])
  })

  it('writes euros after every bound of an amounts scale', () => {
    const labels = colourScale([1000, 6000], false, true).classes.map((c) =>
      c.label.replace(/\u00a0|\u202f/g, ' '),
    )
    expect(labels[0]).toBe('1 000 € à moins de 2 000 €')
    expect(labels[4]).toBe('5 000 € à 6 000 €')
    expect(colourScale([12, 12], false, true).classes.map((c) => c.label)).toEqual(['12\u00a0€'])
  })

  it('has one class when every value is equal, none without values', () => {
    expect(colourScale([12, 12], false).classes).toEqual([{ colour: PALETTE[2], label: '12' }])
    expect(colourScale([], false).classes).toEqual([])
  })

  it('gives each whole value its class when there are fewer than five', () => {
    const scale = colourScale([11, 12, 14], false)
    expect(scale.classes).toEqual([
      { colour: PALETTE[0], label: '11' },
      { colour: PALETTE[1], label: '12' },
      { colour: PALETTE[3], label: '13' },
      { colour: PALETTE[4], label: '14' },
    ])
    expect([11, 14].map(scale.colour)).toEqual([PALETTE[0], PALETTE[4]])
  })
})
