import { describe, expect, it } from 'vitest'
import { wrapText } from './image.ts'

describe('wrapText', () => {
  it('cuts a legend note into lines of at most the given width, between words, every word kept in order', () => {
    const note = 'valeur non diffusée : trop peu de personnes dans la cellule ou dans l’un de ses taux'
    const rows = wrapText(note, 30)
    expect(rows).toEqual([
      'valeur non diffusée : trop peu',
      'de personnes dans la cellule',
      'ou dans l’un de ses taux',
    ])
    expect(rows.join(' ')).toBe(note)
  })

  it('keeps a word longer than the width whole, on its own line', () => {
    expect(wrapText('a https://exemple.fr/un/très/long/chemin b', 10)).toEqual([
      'a',
      'https://exemple.fr/un/très/long/chemin',
      'b',
    ])
  })
})
