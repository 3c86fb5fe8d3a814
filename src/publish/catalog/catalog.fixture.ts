/**
 * A release of two datasets, as the pipeline would describe it, for the catalogue tests.
 * @module
 */
import type { CatalogDataset, CatalogInput } from './types.ts'

const sha = (digit: string) => digit.repeat(64)

export const ENTREES: CatalogDataset = {
  slug: 'entrees',
  title: 'Entrées en formation professionnelle',
  description:
    'Nombre de dossiers de formation entrés chaque trimestre et personnes distinctes, par région, ' +
    'département, dispositif et financeur, protégés par le secret statistique.',
  keywords: ['formation professionnelle', 'entrées en formation', 'CPF'],
  themes: ['EDUC', 'ECON'],
  frequency: 'QUARTERLY',
  temporal: { start: '2024-01-01', end: '2026-09-30' },
  regions: [{ code: '84', label: 'Auvergne-Rhône-Alpes' }],
  version: '2026-11-28',
  issued: '2026-05-28',
  documentation: { path: 'datasets/entrees/README.md' },
  files: [
    {
      path: 'datasets/entrees/entrees_territoire.csv',
      format: 'csv',
      title: 'Entrées par territoire (CSV)',
      byteSize: 18_234,
      sha256: sha('a'),
    },
    {
      path: 'datasets/entrees/entrees_territoire.parquet',
      format: 'parquet',
      title: 'Entrées par territoire (Parquet)',
      byteSize: 9_120,
      sha256: sha('b'),
    },
    {
      path: 'datasets/entrees/entrees_territoire.json',
      format: 'json',
      title: 'Entrées par territoire (JSON)',
      byteSize: 40_511,
      sha256: sha('c'),
    },
    {
      path: 'datasets/entrees/datapackage.json',
      format: 'datapackage',
      title: 'Description Data Package du jeu de données',
      description: 'Schéma des tables, licence et sources.',
      byteSize: 3_002,
      sha256: sha('d'),
    },
  ],
}

export const INSERTION: CatalogDataset = {
  slug: 'insertion',
  title: 'Insertion dans l’emploi après une formation',
  description:
    'Taux d’emploi salarié à 6 et 12 mois des sortants de formation, avec leurs intervalles de confiance ' +
    'de Wilson à 95 %, par région et niveau de certification.',
  keywords: ['insertion professionnelle', 'emploi'],
  themes: ['SOCI'],
  frequency: 'ANNUAL',
  files: [
    {
      path: 'datasets/insertion/emploi_6_mois.csv',
      format: 'csv',
      title: 'Emploi à 6 mois (CSV)',
      byteSize: 0,
      sha256: sha('e'),
      conformsTo: ['https://www.rfc-editor.org/rfc/rfc4180'],
    },
  ],
}

export const RELEASE: CatalogInput = {
  baseUrl: 'https://passerelle.example/donnees',
  releaseDate: '2026-11-28',
  issued: '2026-05-28',
  datasets: [ENTREES, INSERTION],
}
