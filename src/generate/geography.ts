/**
 * Where people live, train and were born: régions weighted by population (jobseeker training
 * over-weighted where DOMAIN.md says), communes weighted by population (a skewed distribution, so
 * that small communes make small cells), birth places for NIRs.
 * @module
 */
import { jobseekerRegionWeight } from './profiles.ts'
import type { Random } from './random.ts'
import { WeightedSampler } from './random.ts'
import type { GeneratorCommune, GeneratorReference, GeneratorRegion } from './reference.ts'

interface CommunePool {
  readonly communes: GeneratorCommune[]
  readonly residence: WeightedSampler
  readonly training: WeightedSampler
}

/** INSEE codes of frequent countries of birth (NIR positions 8–10 when born abroad, département 99). */
const countries = ['350', '352', '351', '139', '127', '134', '109', '243', '341', '312', '330', '123']

/** Samplers over the reference geography, built once per run. */
export class Geography {
  readonly regions: readonly GeneratorRegion[]
  private readonly all: GeneratorRegion[]
  private readonly general: WeightedSampler
  private readonly jobseeker: WeightedSampler
  private readonly byRegion = new Map<string, CommunePool>()
  private readonly byDepartement = new Map<
    string,
    { communes: GeneratorCommune[]; sampler: WeightedSampler }
  >()
  private readonly birthAnywhere: WeightedSampler
  private readonly communes: readonly GeneratorCommune[]

  constructor(reference: GeneratorReference) {
    this.communes = reference.communes
    const withCommunes = new Set(reference.communes.map((c) => c.region))
    this.all = reference.regions.filter((r) => withCommunes.has(r.code))
    this.regions = this.all
    this.general = new WeightedSampler(this.all.map((r) => r.population))
    this.jobseeker = new WeightedSampler(
      this.all.map((r) => r.population * (jobseekerRegionWeight[r.code] ?? 1)),
    )
    const regionLists = new Map<string, GeneratorCommune[]>()
    const departementLists = new Map<string, GeneratorCommune[]>()
    for (const c of reference.communes) {
      const list = regionLists.get(c.region) ?? []
      if (list.length === 0) regionLists.set(c.region, list)
      list.push(c)
      const dl = departementLists.get(c.departement) ?? []
      if (dl.length === 0) departementLists.set(c.departement, dl)
      dl.push(c)
    }
    for (const [code, communes] of regionLists) {
      this.byRegion.set(code, {
        communes,
        // A little flatter than population, so that small communes still show up (and make small cells).
        residence: new WeightedSampler(communes.map((c) => c.population ** 0.95)),
        // Training centres sit in towns.
        training: new WeightedSampler(communes.map((c) => c.population ** 1.25)),
      })
    }
    for (const [code, communes] of departementLists) {
      this.byDepartement.set(code, {
        communes,
        sampler: new WeightedSampler(communes.map((c) => Math.sqrt(c.population))),
      })
    }
    this.birthAnywhere = new WeightedSampler(reference.communes.map((c) => Math.sqrt(c.population)))
  }

  /** A région of residence; jobseeker training leans to the régions DOMAIN.md names. */
  pickRegion(rng: Random, jobseeker: boolean): GeneratorRegion {
    const sampler = jobseeker ? this.jobseeker : this.general
    return this.all[sampler.pick(rng)] as GeneratorRegion
  }

  /** A commune of residence in a région, weighted by population. */
  pickResidence(rng: Random, region: string): GeneratorCommune {
    const pool = this.pool(region)
    return pool.communes[pool.residence.pick(rng)] as GeneratorCommune
  }

  /** A commune where training takes place in a région (towns favoured). */
  pickTrainingPlace(rng: Random, region: string): GeneratorCommune {
    const pool = this.pool(region)
    return pool.communes[pool.training.pick(rng)] as GeneratorCommune
  }

  /**
   * A place of birth as the 5 characters of the NIR (département + commune, or 99 + country):
   * mostly the département of residence, else anywhere in France, else abroad.
   */
  pickBirthPlace(rng: Random, departement: string): string {
    const u = rng.float()
    if (u < 0.62) {
      const d = this.byDepartement.get(departement)
      if (d) return (d.communes[d.sampler.pick(rng)] as GeneratorCommune).code
    }
    if (u < 0.9) return (this.communes[this.birthAnywhere.pick(rng)] as GeneratorCommune).code
    return `99${rng.pick(countries)}`
  }

  private pool(region: string): CommunePool {
    const pool = this.byRegion.get(region)
    if (!pool) throw new Error(`no commune in région ${region}`)
    return pool
  }
}
