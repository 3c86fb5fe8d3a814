/**
 * "Dictionnaire des données": per table its title, description, dimensions (levels published and
 * the total code) and every column of its CSV with label, unit and definition.
 * @module
 */
import { DIMENSIONS, POPULATIONS } from '../definition/catalogue.ts'
import type { DatasetDefinition, TableDefinition } from '../definition/types.ts'
import { documentedColumns, keptLevels, TOTAL_CODE } from './columns.ts'
import { frenchSpaces } from './french.ts'
import { markdownTable } from './markdown.ts'

function renderTable(table: TableDefinition): string {
  const dimensions = markdownTable(
    ['Dimension', 'Libellé', 'Niveaux publiés', 'Total', 'Codes et libellés'],
    table.dimensions.map((d) => [
      `\`${d.name}\``,
      DIMENSIONS[d.name].label,
      keptLevels(d)
        .map((level) => level.label)
        .join(' > '),
      `\`${TOTAL_CODE}\``,
      `\`hierarchies/${d.name}.csv\``,
    ]),
  )
  const columns = markdownTable(
    ['Colonne', 'Libellé', 'Unité', 'Définition'],
    documentedColumns(table).map((c) => [`\`${c.name}\``, c.label, c.unit, c.definition]),
  )
  return [
    `### \`${table.name}\` : ${table.title}`,
    table.description,
    `Population : ${POPULATIONS[table.population].label}. Une ligne par cellule, à tous les niveaux de chaque dimension ; le code \`${TOTAL_CODE}\` désigne le total de la dimension.`,
    dimensions,
    columns,
  ].join('\n\n')
}

/** The data dictionary section of a dataset's documentation. */
export function renderDictionary(definition: DatasetDefinition): string {
  return frenchSpaces(['## Dictionnaire des données', ...definition.tables.map(renderTable)].join('\n\n'))
}
