import { describe, expect, it } from 'vitest'
import { nirKeyIsValid } from '../lib/nir.ts'
import { NirRegistry, newNir13, withKey } from './nir.ts'
import { Random } from './random.ts'

describe('synthetic NIRs', () => {
  it('are unique in a run, even when drawn in the same birth cell', () => {
    const rng = new Random('nir')
    const registry = new NirRegistry()
    const seen = new Set<string>()
    for (let i = 0; i < 999; i++) seen.add(newNir13(rng, registry, 'F', 1985, 5, '75056'))
    expect(seen.size).toBe(999)
    expect(() => newNir13(rng, registry, 'F', 1985, 5, '75056')).toThrow(/no free/)
  })

  it('carry a valid key, Corsica and overseas included', () => {
    const rng = new Random('key')
    const registry = new NirRegistry()
    for (const place of ['2A004', '2B033', '97105', '97611', '99350', '19031']) {
      const nir15 = withKey(newNir13(rng, registry, 'M', 1990, 12, place))
      expect(nir15.slice(0, 10)).toBe(`19012${place}`)
      expect(nirKeyIsValid(nir15)).toBe(true)
    }
  })

  it('tells 2A apart from 19 with the same digits', () => {
    const registry = new NirRegistry()
    expect(registry.claim('1900119004001')).toBe(true)
    expect(registry.claim('190012A004001')).toBe(true)
    expect(registry.claim('1900119004001')).toBe(false)
  })
})
