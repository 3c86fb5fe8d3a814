/**
 * The reference data the generator draws from, loaded once by the caller (I/O) and passed to the
 * pure core: régions, départements, current communes with populations, code lists.
 * @module
 */
import { loadCommunes, readCodeList } from '../reference/code-lists.ts'

/** A current commune (INSEE `commune-actuelle`) usable as residence or training place. */
export interface GeneratorCommune {
  readonly code: string
  readonly name: string
  readonly departement: string
  readonly region: string
  readonly population: number
}

/** A région with its population. */
export interface GeneratorRegion {
  readonly code: string
  readonly name: string
  readonly zone: string
  readonly population: number
}

/** Everything the generator reads from reference/codes and the INSEE commune list. */
export interface GeneratorReference {
  /** The 18 Régions (13 metropolitan, Corsica, 5 overseas), i.e. zone `metro` or `drom`. */
  readonly regions: readonly GeneratorRegion[]
  readonly communes: readonly GeneratorCommune[]
  readonly nsfGroups: readonly string[]
  readonly nsfLetters: readonly string[]
  readonly opco: readonly { readonly code: string; readonly name: string }[]
  readonly cepOperators: readonly { readonly code: string; readonly name: string }[]
  readonly dispositifs: readonly string[]
  readonly statuts: readonly string[]
}

/** Loads the generator's reference data from the project's code lists. */
export async function loadGeneratorReference(): Promise<GeneratorReference> {
  const [regions, nsf, letters, opco, cep, dispositifs, statuts] = await Promise.all([
    readCodeList('regions.csv'),
    readCodeList('nsf_groupes_specialites.csv'),
    readCodeList('nsf_codes_lettres.csv'),
    readCodeList('opco.csv'),
    readCodeList('operateurs_cep.csv'),
    readCodeList('dispositifs.csv'),
    readCodeList('statuts_stagiaire.csv'),
  ])
  const regionRows = regions
    .filter((r) => r.zone === 'metro' || r.zone === 'drom')
    .map((r) => ({
      code: r.code_region ?? '',
      name: r.nom ?? '',
      zone: r.zone ?? '',
      population: Number(r.population_municipale ?? 0),
    }))
  const regionCodes = new Set(regionRows.map((r) => r.code))
  const communes = loadCommunes()
    .filter((c) => c.type === 'commune-actuelle' && regionCodes.has(c.region) && (c.population ?? 0) > 0)
    .map((c) => ({
      code: c.code,
      name: c.name,
      departement: c.departement,
      region: c.region,
      population: c.population ?? 0,
    }))
  return {
    regions: regionRows,
    communes,
    nsfGroups: nsf.map((r) => r.code_nsf ?? '').filter(Boolean),
    nsfLetters: letters.map((r) => r.code ?? '').filter(Boolean),
    opco: opco.map((r) => ({ code: r.code_proposé ?? '', name: r.nom ?? '' })),
    cepOperators: cep.map((r) => ({ code: r.code ?? '', name: r.libelle ?? '' })),
    dispositifs: dispositifs.map((r) => r.code ?? ''),
    statuts: statuts.map((r) => r.code ?? ''),
  }
}
