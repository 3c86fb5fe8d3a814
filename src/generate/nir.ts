/**
 * Synthetic NIRs: sex, birth year and month, place of birth, order number and key; unique within a
 * run (a compact open-addressing set of numeric NIR13 values, 16 bytes per person).
 * @module
 */
import { nirKey } from '../lib/nir.ts'
import type { Random } from './random.ts'

/** Remembers the NIR13s given out, so that two synthetic persons never share one. */
export class NirRegistry {
  private table = new Float64Array(1 << 16)
  private size = 0

  /** True when the NIR13 was new (and is now taken). */
  claim(nir13: string): boolean {
    const key = numericKey(nir13)
    if (this.size * 2 >= this.table.length) this.grow()
    const mask = this.table.length - 1
    let i = hash(key) & mask
    while (true) {
      const v = this.table[i] as number
      if (v === 0) {
        this.table[i] = key
        this.size++
        return true
      }
      if (v === key) return false
      i = (i + 1) & mask
    }
  }

  private grow(): void {
    const old = this.table
    this.table = new Float64Array(old.length * 2)
    const mask = this.table.length - 1
    for (const v of old) {
      if (v === 0) continue
      let i = hash(v) & mask
      while (this.table[i] !== 0) i = (i + 1) & mask
      this.table[i] = v
    }
  }
}

/** NIR13 as an exact number (Corsica letters mapped outside the digit range), never 0. */
function numericKey(nir13: string): number {
  const corsica = nir13[5] === 'A' ? 1 : nir13[5] === 'B' ? 2 : 0
  const digits = corsica ? `${nir13.slice(0, 5)}00${nir13.slice(7)}` : nir13
  return Number(digits) + corsica * 1e13 + 1
}

function hash(value: number): number {
  const lo = value % 4294967296
  const hi = Math.floor(value / 4294967296)
  return (Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b) ^ (lo >>> 13)) >>> 0
}

/**
 * A new NIR13 for a person (sex digit, year, month, 5-character place of birth), unique in the
 * registry: the order number is drawn, then moved on until free.
 */
export function newNir13(
  rng: Random,
  registry: NirRegistry,
  sex: 'F' | 'M',
  birthYear: number,
  birthMonth: number,
  birthPlace: string,
): string {
  const prefix = `${sex === 'M' ? '1' : '2'}${String(birthYear % 100).padStart(2, '0')}${String(birthMonth).padStart(2, '0')}${birthPlace}`
  const start = rng.range(1, 999)
  for (let k = 0; k < 999; k++) {
    const order = ((start - 1 + k) % 999) + 1
    const nir13 = `${prefix}${String(order).padStart(3, '0')}`
    if (registry.claim(nir13)) return nir13
  }
  throw new Error('no free NIR order number')
}

/** The 15-character NIR (NIR13 and its key). */
export function withKey(nir13: string): string {
  return `${nir13}${nirKey(nir13)}`
}
