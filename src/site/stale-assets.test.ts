import { describe, expect, it } from 'vitest'
import { memorySiteEffects } from './effects.ts'
import { removeStaleAssets, staleAssets } from './stale-assets.ts'

describe('staleAssets', () => {
  it('names the files of the assets folder this build did not write, and nothing outside it', () => {
    const present = [
      'assets/chunks/chunk-OLD.js',
      'assets/chunks/chunk-NEW.js',
      'assets/geo/regions.geojson',
      'assets/passerelle.js',
      'audit.json',
      'catalog.jsonld',
      'datasets/insertion/insertion_region.json',
      'releases/2026-01-01/release.json',
      'assets-notes.txt',
    ]
    const written = new Set([
      'assets/chunks/chunk-NEW.js',
      'assets/geo/regions.geojson',
      'assets/passerelle.js',
    ])
    expect(staleAssets(present, written)).toEqual(['assets/chunks/chunk-OLD.js'])
  })
})

describe('removeStaleAssets', () => {
  it('removes them through the effects and leaves every other file of DIR as it was', async () => {
    const files = new Map<string, string | Uint8Array>([
      ['assets/chunks/chunk-OLD.js', 'old'],
      ['assets/passerelle.js', 'new'],
      ['datasets/x/t.csv', 'a,b'],
    ])
    const removed = await removeStaleAssets(memorySiteEffects(files), new Set(['assets/passerelle.js']))
    expect([removed, [...files]]).toEqual([
      ['assets/chunks/chunk-OLD.js'],
      [
        ['assets/passerelle.js', 'new'],
        ['datasets/x/t.csv', 'a,b'],
      ],
    ])
  })
})
