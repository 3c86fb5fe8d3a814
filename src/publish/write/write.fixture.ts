/**
 * Test fixture: a small dataset of two tables on two populations, protected by the privacy
 * library (the only way to get protected tables), and its labelled hierarchies.
 * @module
 */
import {
  type CellMeasureRow,
  type HierarchyRow,
  type ProtectedTable,
  protectTables,
} from '../../privacy/index.ts'
import type { DatasetDefinition } from '../definition/types.ts'
import type { HierarchyLabels, LabelledCode } from './types.ts'

/** Labels deeper than the tables (départements), listed in the published order. */
export const LABELS: HierarchyLabels = {
  territoire: [
    { code: '_T', parent: '', label: 'France', level: 'total' },
    { code: 'R11', parent: '_T', label: 'Île-de-France', level: 'region' },
    { code: 'D75', parent: 'R11', label: 'Paris', level: 'departement' },
    { code: 'R84', parent: '_T', label: 'Auvergne-Rhône-Alpes', level: 'region' },
    { code: 'D01', parent: 'R84', label: 'Ain', level: 'departement' },
    { code: 'R93', parent: '_T', label: 'Provence-Alpes-Côte d’Azur', level: 'region' },
    { code: 'D13', parent: 'R93', label: 'Bouches-du-Rhône', level: 'departement' },
  ],
  sexe: [
    { code: '_T', parent: '', label: 'Ensemble', level: 'total' },
    { code: 'F', parent: '_T', label: 'Femmes', level: 'sexe' },
    { code: 'M', parent: '_T', label: 'Hommes', level: 'sexe' },
  ],
}

export const DATASET: DatasetDefinition = {
  slug: 'sorties-test',
  title: 'Sorties de formation (jeu d’essai)',
  description: 'Sorties de formation et financements par région, pour les tests des fichiers publiés.',
  keywords: ['formation', 'insertion'],
  themes: ['EDUC'],
  frequency: 'QUARTERLY',
  rules: {},
  documentation: '',
  tables: [
    {
      name: 'sorties_region_sexe',
      title: 'Sorties par région et sexe',
      description: 'Sorties, heures et emploi à 6 mois par région de résidence et sexe.',
      population: 'sorties',
      dimensions: [{ name: 'territoire', depth: 'region' }, { name: 'sexe' }],
      measures: [
        'nb_sorties',
        'nb_personnes',
        'heures_prevues',
        'heures_realisees',
        'taux_realisation',
        'nb_connus_6m',
        'nb_emploi_6m',
        'taux_emploi_6m',
        'part_en_formation_6m',
        'nb_en_formation_6m',
      ],
    },
    {
      name: 'financements_region',
      title: 'Financements par région',
      description: 'Financements engagés par région de résidence.',
      population: 'financements',
      dimensions: [{ name: 'territoire', depth: 'region' }],
      measures: ['nb_financements', 'montant_engage', 'montant_moyen'],
    },
  ],
}

/** Leaves of the exits table: n, persons, hours planned/done, observed, employed, in training at 6 months. */
const EXITS: [string, string, number, number, number, number, number, number, number][] = [
  // R11: exits too recent to be observed at 6 months: rates undefined, cells published.
  ['R11', 'F', 40, 38, 12000, 10500.5, 0, 0, 0],
  ['R11', 'M', 35, 35, 9800, 9000, 0, 0, 0],
  // R84 F: 6 persons, secret (A); its row and column need secondary suppressions.
  ['R84', 'F', 6, 6, 1800, 1700, 0, 0, 0],
  ['R84', 'M', 50, 47, 15000, 14250.25, 30, 18, 0],
  ['R93', 'F', 22, 22, 6600, 6000, 24, 12, 0],
  ['R93', 'M', 28, 27, 8400, 7000, 26, 13, 0],
]

const FUNDING: [string, number, number][] = [
  ['R11', 30, 45000.5],
  ['R84', 12, 18000],
  ['R93', 3, 4500],
]

/** The fixture's tables, protected together with the library's default rules. */
export async function protectFixture(): Promise<ProtectedTable[]> {
  const territoire = hierarchyOf(LABELS.territoire!, 'departement')
  const sexe = hierarchyOf(LABELS.sexe!)
  const result = await protectTables(
    [
      {
        name: 'sorties_region_sexe',
        population: 'sorties',
        dimensions: ['territoire', 'sexe'],
        hierarchies: { territoire, sexe },
        rows: EXITS.map(([r, s, n, , planned, done, known, employed, training]) => ({
          codes: [r, s],
          n,
          measures: {
            heures_prevues: planned,
            heures_realisees: done,
            nb_connus_6m: known,
            nb_emploi_6m: employed,
            nb_en_formation_6m: training,
          },
        })),
        cellMeasures: persons(),
        personsMeasure: 'nb_personnes',
        rates: [
          { numerator: 'nb_emploi_6m', denominator: 'nb_connus_6m' },
          { numerator: 'nb_en_formation_6m', denominator: 'nb_connus_6m' },
        ],
      },
      {
        name: 'financements_region',
        population: 'financements',
        dimensions: ['territoire'],
        hierarchies: { territoire },
        rows: FUNDING.map(([r, n, amount]) => ({ codes: [r], n, measures: { montant_engage: amount } })),
      },
    ],
    { audit: 'primary' },
  )
  if (!result.ok) throw new Error(JSON.stringify(result.issues))
  return [...result.tables]
}

/** `code,parent` rows of labels above a level. */
function hierarchyOf(labels: readonly LabelledCode[], below?: string): HierarchyRow[] {
  return labels.filter((l) => l.level !== below).map(({ code, parent }) => ({ code, parent }))
}

/** Distinct persons of every cell: each person exits once, so margins add up. */
function persons(): CellMeasureRow[] {
  const sum = (r: string, s: string) =>
    EXITS.filter(([er, es]) => (r === '_T' || er === r) && (s === '_T' || es === s)).reduce(
      (a, e) => a + e[3],
      0,
    )
  return ['_T', 'R11', 'R84', 'R93'].flatMap((r) =>
    ['_T', 'F', 'M'].map((s) => ({ codes: [r, s], values: { nb_personnes: sum(r, s) } })),
  )
}
