import { createRequire } from 'node:module'
import { readCsvAll } from '../lib/csv.ts'

/**
 * The code lists a record is checked against (spec/README.md, "Codes"), as plain sets so that the
 * validator stays pure and fast.
 */
export interface CodeLists {
  readonly dispositifs: ReadonlySet<string>
  readonly statutsStagiaire: ReadonlySet<string>
  /** Every INSEE commune code: communes, communes déléguées and associées, arrondissements municipaux. */
  readonly communes: ReadonlySet<string>
  /** NSF specialty groups, 3 digits. */
  readonly nsfGroups: ReadonlySet<string>
  /** NSF letter suffixes. */
  readonly nsfLetters: ReadonlySet<string>
  /** Certification levels of the national framework (1–8). */
  readonly certificationLevels: ReadonlySet<number>
}

/** A commune of the INSEE list, with what the hub needs of it. */
export interface Commune {
  readonly code: string
  readonly name: string
  readonly type: string
  readonly departement: string
  readonly region: string
  readonly population: number | null
  /** For communes déléguées, associées and arrondissements: the commune they belong to. */
  readonly parent: string | null
}

/** Where the project's copy of the code lists lives (see reference/README.md). */
export const codesDir = new URL('../../reference/codes/', import.meta.url)

interface RawCommune {
  code: string
  nom: string
  type: string
  departement?: string
  region?: string
  population?: number
  chefLieu?: string
  commune?: string
}

/** The full INSEE commune list from `@etalab/decoupage-administratif` (Licence Ouverte). */
export function loadCommunes(): Commune[] {
  const require = createRequire(import.meta.url)
  const raw = require('@etalab/decoupage-administratif/data/communes.json') as RawCommune[]
  return raw.map((c) => ({
    code: c.code,
    name: c.nom,
    type: c.type,
    departement: c.departement ?? '',
    region: c.region ?? '',
    population: c.population ?? null,
    parent: c.type === 'commune-actuelle' ? null : (c.chefLieu ?? c.commune ?? null),
  }))
}

/**
 * Reads one code list of reference/codes as rows of strings. Throws, naming the file, on a line
 * whose field count is not the header's.
 */
export async function readCodeList(file: string): Promise<Record<string, string>[]> {
  // Strict: a line with more fields than the header is an unquoted comma in a field, and reading it
  // anyway would shift the fields after it into the wrong columns (the label among them).
  const rows = await readCsvAll(new URL(file, codesDir).pathname).catch((error: unknown) => {
    throw new Error(`reference/codes/${file}: ${error instanceof Error ? error.message : String(error)}`)
  })
  return rows.map((r) => ({ ...r.values }))
}

let cached: Promise<CodeLists> | undefined

/** Loads (once per process) the code lists used by validation. */
export function loadCodeLists(): Promise<CodeLists> {
  cached ??= (async () => {
    const [dispositifs, statuts, nsf, letters, levels] = await Promise.all([
      readCodeList('dispositifs.csv'),
      readCodeList('statuts_stagiaire.csv'),
      readCodeList('nsf_groupes_specialites.csv'),
      readCodeList('nsf_codes_lettres.csv'),
      readCodeList('niveaux_certification.csv'),
    ])
    return {
      dispositifs: new Set(dispositifs.map((r) => r.code ?? '')),
      statutsStagiaire: new Set(statuts.map((r) => r.code ?? '')),
      communes: new Set(loadCommunes().map((c) => c.code)),
      nsfGroups: new Set(nsf.map((r) => r.code_nsf ?? '')),
      nsfLetters: new Set(letters.map((r) => r.code ?? '')),
      certificationLevels: new Set(levels.map((r) => Number(r.niveau))),
    }
  })()
  return cached
}
