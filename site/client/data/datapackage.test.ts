import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readDataPackage } from './datapackage.ts'
import { parseHierarchy, splitCsvLine } from './hierarchy.ts'

const golden = join(import.meta.dirname, '..', '..', '..', 'test', 'golden', 'publish', 'datasets')

describe('readDataPackage', () => {
  it('lists the data tables of a published package with their dimensions and measures, not the hierarchies', () => {
    const pkg = JSON.parse(readFileSync(join(golden, 'insertion-essai', 'datapackage.json'), 'utf8'))
    expect(readDataPackage(pkg)).toEqual({
      slug: 'insertion-essai',
      title: 'Insertion (essai)',
      tables: [
        {
          name: 'insertion_region',
          title: 'Insertion à 6 mois par année et région',
          json: 'insertion_region.json',
          dimensions: [
            { name: 'periode', title: 'Période' },
            { name: 'territoire', title: 'Territoire de résidence' },
          ],
          measures: [
            { name: 'nb_sorties', title: 'Sorties', unit: 'dossiers' },
            { name: 'nb_personnes', title: 'Personnes', unit: 'personnes' },
            { name: 'nb_connus_6m', title: 'Sorties observées à 6 mois', unit: 'dossiers' },
            { name: 'nb_emploi_6m', title: 'En emploi salarié à 6 mois', unit: 'dossiers' },
            { name: 'taux_emploi_6m', title: 'Taux d’emploi salarié à 6 mois', unit: 'proportion' },
          ],
        },
      ],
    })
  })
})

describe('parseHierarchy', () => {
  it('reads a published hierarchy: labels, parents, levels in order', () => {
    const text = readFileSync(join(golden, 'insertion-essai', 'hierarchies', 'territoire.csv'), 'utf8')
    const hierarchy = parseHierarchy(text)
    expect(hierarchy.levels).toEqual(['region'])
    expect(hierarchy.nodes.get('R93')).toEqual({
      code: 'R93',
      parent: '_T',
      label: "Provence-Alpes-Côte d'Azur",
      level: 'region',
    })
  })

  it('splits quoted CSV fields', () => {
    expect(splitCsvLine('a,"b, ""c""",')).toEqual(['a', 'b, "c"', ''])
  })
})
