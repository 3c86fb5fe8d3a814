import type { Published, PublishedDataset } from './published.ts'
import { isYear } from './table-rows.ts'

/** French labels of the EU data themes the definitions use (DCAT-AP `data-theme`). */
export const THEME_LABELS: Readonly<Record<string, string>> = {
  AGRI: 'Agriculture, pêche, sylviculture et alimentation',
  ECON: 'Économie et finances',
  EDUC: 'Éducation, culture et sport',
  ENER: 'Énergie',
  ENVI: 'Environnement',
  GOVE: 'Gouvernement et secteur public',
  HEAL: 'Santé',
  INTR: 'Questions internationales',
  JUST: 'Justice, système juridique et sécurité publique',
  REGI: 'Régions et villes',
  SOCI: 'Population et société',
  TECH: 'Science et technologie',
  TRAN: 'Transports',
}

/** Geographic levels, in order, with their labels. */
export const LEVEL_LABELS: Readonly<Record<string, string>> = {
  national: 'France entière',
  region: 'Région',
  departement: 'Département',
  commune: 'Commune',
  organisme: 'Organisme de formation',
}

/** What the catalogue's search and facets know of a dataset. */
export interface CatalogueEntry {
  readonly slug: string
  readonly title: string
  readonly description: string
  readonly keywords: readonly string[]
  readonly themes: readonly string[]
  readonly levels: readonly string[]
  readonly years: readonly string[]
  readonly tables: readonly string[]
  /** Titles of the measures and dimensions (for the full-text search). */
  readonly columns: readonly string[]
  /**
   * Names of the régions and départements it has figures for (for the full-text search: a reader
   * looks for « Réunion », not for the word « territoire »). Communes are left out: tens of
   * thousands of names would swell the index every catalogue visit downloads.
   */
  readonly places: readonly string[]
}

/** A dataset's catalogue entry, from its datapackage, hierarchies and DCAT themes. */
export function catalogueEntry(published: Published, dataset: PublishedDataset): CatalogueEntry {
  const levels = new Set<string>(['national'])
  const places = new Set<string>()
  for (const dimension of ['territoire', 'territoire_formation'])
    for (const code of dataset.hierarchies.get(dimension) ?? []) {
      if (code.level in LEVEL_LABELS) levels.add(code.level)
      if (code.level === 'region' || code.level === 'departement') places.add(code.label)
    }
  if (dataset.hierarchies.has('organisme')) levels.add('organisme')
  const years = (dataset.hierarchies.get('periode') ?? []).map((c) => c.code).filter(isYear)
  const tables = dataset.datapackage.resources.filter((r) => !r.path.startsWith('hierarchies/'))
  return {
    slug: dataset.slug,
    title: dataset.datapackage.title,
    description: dataset.datapackage.description ?? '',
    keywords: dataset.datapackage.keywords ?? [],
    themes: published.themes.get(dataset.slug) ?? [],
    levels: Object.keys(LEVEL_LABELS).filter((l) => levels.has(l)),
    years: [...new Set(years)].sort(),
    tables: tables.map((t) => t.title ?? t.name),
    columns: [
      ...new Set(
        tables.flatMap((t) =>
          t.schema.fields
            .filter((f) => !/_(statut|ic_bas|ic_haut)$/.test(f.name))
            .map((f) => f.title ?? f.name),
        ),
      ),
    ],
    places: [...places],
  }
}
