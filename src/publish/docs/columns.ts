/**
 * What the data dictionary says of each column of a published table's files; the columns
 * themselves (names, order) are those `../write` writes.
 * @module
 */
import { DIMENSIONS, type Level, MEASURES, type MeasureInfo } from '../definition/catalogue.ts'
import type { TableDefinition, TableDimension } from '../definition/types.ts'
import { tableColumns as fileColumns } from '../write/columns.ts'

/** One CSV column as documented. */
export interface ColumnInfo {
  readonly name: string
  readonly label: string
  readonly unit: string
  readonly definition: string
}

/** The total code at the top of every hierarchy (SDMX). */
export const TOTAL_CODE = '_T'

/** Levels a table keeps of a dimension: from the top down to its `depth` (default: all). */
export function keptLevels(dimension: TableDimension): readonly Level[] {
  const levels = DIMENSIONS[dimension.name].levels
  if (dimension.depth === undefined) return levels
  const depth = levels.findIndex((level) => level.name === dimension.depth)
  if (depth < 0) throw new Error(`unknown level of ${dimension.name}: ${dimension.depth}`)
  return levels.slice(0, depth + 1)
}

const STATUSES =
  '`V` publiée, `A` secret primaire (effectif ou taux), `B` secret primaire (dominance), `D` secret secondaire ; la valeur est vide sauf pour `V`.'

/**
 * The columns of a table in file order (as `../write` writes them), with their label, unit and
 * definition: one per dimension, then for each measure `m` its value `m`, its status `m_statut`
 * and, for rates with an interval, `m_ic_bas` and `m_ic_haut`.
 * @example documentedColumns(table).map((c) => c.name) // ['periode', 'territoire', 'nb_sorties', 'nb_sorties_statut', …]
 */
export function documentedColumns(table: TableDefinition): ColumnInfo[] {
  return fileColumns(table).map((column): ColumnInfo => {
    const { name } = column
    if (column.role === 'dimension') {
      const { label, description } = DIMENSIONS[column.dimension]
      return { name, label, unit: 'code', definition: description }
    }
    const info = MEASURES[column.measure]
    switch (column.role) {
      case 'value':
        return { name, label: info.label, unit: info.unit, definition: valueDefinition(info) }
      case 'status':
        return { name, label: `Statut : ${info.label}`, unit: 'code', definition: STATUSES }
      default: {
        const bound = column.role === 'low' ? 'Borne basse' : 'Borne haute'
        const definition = `${bound} de l’intervalle de confiance à 95 % (Wilson) du taux.`
        return { name, label: `${bound} : ${info.label}`, unit: info.unit, definition }
      }
    }
  })
}

function valueDefinition(info: MeasureInfo): string {
  const { kind } = info.measure
  const notes = [info.description]
  if (kind === 'persons')
    notes.push('Non additif : une personne présente dans plusieurs cellules compte une fois dans leur total.')
  if (kind === 'rate') notes.push('Proportion entre 0 et 1.')
  if (kind === 'rate' || kind === 'ratio')
    notes.push('Vide avec le statut `V` quand le dénominateur est nul.')
  return notes.join(' ')
}
