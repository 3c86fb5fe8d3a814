/**
 * Test fixtures: two dataset definitions and summaries of their releases, shaped like real ones.
 * @module
 */
import type { DatasetDefinition } from '../definition/types.ts'
import type { ReleaseSummary, TableSummary } from './summary.ts'

const README = `# Insertion après formation

Ce jeu décrit ce que deviennent les stagiaires | à la sortie.

## Méthodologie

Les sorties sont rattachées à la **date de sortie** du dossier.

\`\`\`sql
# pas un titre : un commentaire
select 1
\`\`\`

### Sources

- DSN (contrats de travail)

## Couverture

Les sorties des dossiers transmis au hub ; France entière selon la résidence.

## Limites

Les contrats hors DSN (fonction publique d’État) ne sont pas vus.
`

export const insertion: DatasetDefinition = {
  slug: 'insertion-apres-formation',
  title: 'Insertion après formation',
  description: 'Sorties de formation et situation des stagiaires 6 mois après, par région et par dispositif.',
  keywords: ['formation', 'insertion'],
  themes: ['EDUC', 'ECON'],
  frequency: 'MONTHLY',
  rules: {},
  documentation: README,
  tables: [
    {
      name: 'sorties_region',
      title: 'Sorties et emploi à 6 mois par région',
      description: 'Sorties par trimestre et région de résidence, avec la situation à 6 mois.',
      population: 'sorties',
      dimensions: [
        { name: 'periode', depth: 'trimestre' },
        { name: 'territoire', depth: 'region' },
      ],
      measures: ['nb_sorties', 'nb_personnes', 'taux_emploi_6m', 'part_en_formation_6m', 'taux_realisation'],
    },
    {
      name: 'entrees_dispositif',
      title: 'Entrées par dispositif',
      description: 'Entrées par année, dispositif et sexe.',
      population: 'entrees',
      dimensions: [{ name: 'periode', depth: 'annee' }, { name: 'dispositif' }, { name: 'sexe' }],
      measures: ['nb_entrees', 'nb_personnes', 'duree_moyenne_prevue'],
    },
  ],
}

export const financements: DatasetDefinition = {
  slug: 'financements',
  title: 'Financements engagés',
  description: 'Montants engagés par les financeurs, par type de financeur.',
  keywords: ['financement'],
  themes: ['ECON'],
  frequency: 'QUARTERLY',
  rules: { minPersons: 15, dominance: [{ n: 1, k: 85 }], minContributors: 3, protectionPercent: 15 },
  documentation: '',
  tables: [
    {
      name: 'financements_type',
      title: 'Financements par type de financeur',
      description: 'Financements engagés et montants, par mois et type de financeur.',
      population: 'financements',
      dimensions: [{ name: 'periode' }, { name: 'type_financeur' }],
      measures: ['nb_financements', 'nb_personnes', 'montant_engage', 'montant_moyen'],
    },
  ],
}

const sortiesColumns = (withFormation: boolean) => [
  'periode',
  'territoire',
  'nb_sorties',
  'nb_sorties_statut',
  'nb_personnes',
  'nb_personnes_statut',
  'taux_emploi_6m',
  'taux_emploi_6m_statut',
  'taux_emploi_6m_ic_bas',
  'taux_emploi_6m_ic_haut',
  ...(withFormation ? ['part_en_formation_6m', 'part_en_formation_6m_statut'] : []),
  'taux_realisation',
  'taux_realisation_statut',
]

const entrees: TableSummary = {
  name: 'entrees_dispositif',
  title: 'Entrées par dispositif',
  population: 'entrees',
  rows: 264,
  columns: [
    'periode',
    'dispositif',
    'sexe',
    'nb_entrees',
    'nb_entrees_statut',
    'nb_personnes',
    'nb_personnes_statut',
    'duree_moyenne_prevue',
    'duree_moyenne_prevue_statut',
  ],
  periods: { first: '2024', last: '2026' },
  count: { measure: 'nb_entrees', total: 81234 },
  suppression: { cells: 264, byStatus: { A: 12, B: 0, D: 20 }, countSuppressedPercent: 0 },
}

/** The release of 30 November 2026 (data as of 31 October). */
export const current: ReleaseSummary = {
  slug: 'insertion-apres-formation',
  title: 'Insertion après formation',
  date: '2026-11-30',
  asOf: '2026-10-31',
  territories: ['France entière (régions)'],
  partners: 38,
  measures: [
    'nb_sorties',
    'nb_personnes',
    'taux_emploi_6m',
    'part_en_formation_6m',
    'taux_realisation',
    'nb_entrees',
    'duree_moyenne_prevue',
  ],
  dimensions: ['periode', 'territoire', 'dispositif', 'sexe'],
  tables: [
    {
      name: 'sorties_region',
      title: 'Sorties et emploi à 6 mois par région',
      population: 'sorties',
      rows: 627,
      columns: sortiesColumns(true),
      periods: { first: '2024-T1', last: '2026-T3' },
      count: { measure: 'nb_sorties', total: 64120 },
      suppression: { cells: 627, byStatus: { A: 31, B: 0, D: 44 }, countSuppressedPercent: 1 },
    },
    entrees,
  ],
  suppression: { cells: 891, byStatus: { A: 43, B: 0, D: 64 }, countSuppressedPercent: 1 },
}

/** The release of 31 October 2026: one quarter less, no `part_en_formation_6m`, an organism table since retired. */
export const previous: ReleaseSummary = {
  ...current,
  date: '2026-10-31',
  asOf: '2026-09-30',
  partners: 36,
  measures: current.measures.filter((m) => m !== 'part_en_formation_6m').concat('nb_abandons'),
  dimensions: [...current.dimensions, 'organisme'],
  tables: [
    {
      ...current.tables[0]!,
      rows: 570,
      columns: sortiesColumns(false),
      periods: { first: '2024-T1', last: '2026-T2' },
      count: { measure: 'nb_sorties', total: 58890 },
      suppression: { cells: 570, byStatus: { A: 35, B: 0, D: 52 }, countSuppressedPercent: 2 },
    },
    entrees,
    {
      name: 'sorties_organisme',
      title: 'Sorties par organisme',
      population: 'sorties',
      rows: 4100,
      columns: [
        'periode',
        'organisme',
        'nb_sorties',
        'nb_sorties_statut',
        'nb_abandons',
        'nb_abandons_statut',
      ],
      periods: { first: '2024', last: '2026' },
      count: { measure: 'nb_sorties', total: 58890 },
      suppression: { cells: 4100, byStatus: { A: 900, B: 0, D: 600 }, countSuppressedPercent: 9 },
    },
  ],
}

/** The release of 30 September 2026. */
export const older: ReleaseSummary = { ...previous, date: '2026-09-30', asOf: '2026-08-31' }

/** First release of the financements dataset: a small table, whose count share is withheld. */
export const financementsRelease: ReleaseSummary = {
  slug: 'financements',
  title: 'Financements engagés',
  date: '2026-11-30',
  asOf: '2026-10-31',
  territories: ['Bretagne', 'Normandie', 'Pays de la Loire'],
  measures: ['nb_financements', 'nb_personnes', 'montant_engage', 'montant_moyen'],
  dimensions: ['periode', 'type_financeur'],
  tables: [
    {
      name: 'financements_type',
      title: 'Financements par type de financeur',
      population: 'financements',
      rows: 91,
      columns: [],
      periods: { first: '2026-01', last: '2026-10' },
      count: { measure: 'nb_financements', total: 1840 },
      suppression: { cells: 91, byStatus: { A: 2, B: 3, D: 6 }, countSuppressedPercent: null },
    },
  ],
  suppression: { cells: 91, byStatus: { A: 2, B: 3, D: 6 }, countSuppressedPercent: null },
}
