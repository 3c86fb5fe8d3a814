/**
 * The generator's own seeded pseudo-random numbers (sfc32, seeded by a string hash), so that the
 * same options always give byte-identical output. Never `Math.random`.
 * @module
 */

/** cyrb128: four 32-bit words from a string, used to seed sfc32. */
function hashSeed(text: string): [number, number, number, number] {
  let h1 = 1779033703
  let h2 = 3144134277
  let h3 = 1013904242
  let h4 = 2773480762
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i)
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067)
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233)
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213)
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179)
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067)
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233)
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213)
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179)
  return [(h1 ^ h2 ^ h3 ^ h4) >>> 0, (h2 ^ h1) >>> 0, (h3 ^ h1) >>> 0, (h4 ^ h1) >>> 0]
}

/**
 * A small fast PRNG (sfc32) with the draws the generator needs.
 *
 * @example
 * const rng = new Random('42')
 * rng.int(6) // 0..5, the same on every run
 */
export class Random {
  private a: number
  private b: number
  private c: number
  private d: number

  constructor(seed: string) {
    ;[this.a, this.b, this.c, this.d] = hashSeed(seed)
    for (let i = 0; i < 15; i++) this.uint32()
  }

  /** A uniform 32-bit unsigned integer. */
  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0
    this.d = (this.d + 1) | 0
    this.a = this.b ^ (this.b >>> 9)
    this.b = (this.c + (this.c << 3)) | 0
    this.c = (this.c << 21) | (this.c >>> 11)
    this.c = (this.c + t) | 0
    return t >>> 0
  }

  /** A uniform float in [0, 1). */
  float(): number {
    return this.uint32() / 4294967296
  }

  /** A uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n)
  }

  /** A uniform integer in [min, max] (both included). */
  range(min: number, max: number): number {
    return min + this.int(max - min + 1)
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.float() < p
  }

  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T
  }

  /** A standard normal draw (Box–Muller). */
  normal(): number {
    const u = 1 - this.float()
    const v = this.float()
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
  }

  /** A log-normal draw with the given median and log-scale spread. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal())
  }

  /** An exponential draw with the given mean. */
  exponential(mean: number): number {
    return -mean * Math.log(1 - this.float())
  }

  /** An independent stream derived from this one's seed and a label (does not advance this one). */
  static derive(seed: string, label: string): Random {
    return new Random(`${seed}\u0000${label}`)
  }
}

/**
 * Draws indexes with probability proportional to fixed weights (cumulative table, binary search):
 * O(log n) per draw, for large lists such as communes or organisms.
 */
export class WeightedSampler {
  private readonly cumulative: Float64Array
  readonly total: number

  constructor(weights: ArrayLike<number>) {
    this.cumulative = new Float64Array(weights.length)
    let sum = 0
    for (let i = 0; i < weights.length; i++) {
      sum += Math.max(0, weights[i] ?? 0)
      this.cumulative[i] = sum
    }
    this.total = sum
    if (!(sum > 0)) throw new Error(`weighted sampler needs a positive weight (got ${weights.length} items)`)
  }

  /** One index, drawn with probability weight / total. */
  pick(rng: Random): number {
    const target = rng.float() * this.total
    let lo = 0
    let hi = this.cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if ((this.cumulative[mid] as number) > target) hi = mid
      else lo = mid + 1
    }
    return lo
  }
}

/**
 * A small categorical distribution over values (linear scan; for lists of a few dozen values).
 *
 * @example
 * const sex = new Categorical([['F', 52], ['M', 48]])
 * sex.pick(rng)
 */
export class Categorical<T> {
  /** The values, in the order given. */
  readonly values: readonly T[]
  private readonly cumulative: number[]
  private readonly total: number

  constructor(entries: readonly (readonly [T, number])[]) {
    this.values = entries.map((e) => e[0])
    let sum = 0
    this.cumulative = entries.map((e) => {
      sum += e[1]
      return sum
    })
    this.total = sum
    if (!(sum > 0)) throw new Error('categorical needs a positive weight')
  }

  /** One value, drawn with probability weight / total. */
  pick(rng: Random): T {
    const target = rng.float() * this.total
    for (let i = 0; i < this.cumulative.length; i++) {
      if ((this.cumulative[i] as number) > target) return this.values[i] as T
    }
    return this.values[this.values.length - 1] as T
  }
}
