/**
 * Frictionless Table Schemas (v1) of the table and hierarchy files: typed, documented fields,
 * the dimension columns as primary key and as foreign keys to the hierarchy files.
 * https://specs.frictionlessdata.io/table-schema/
 * @module
 */
import { DIMENSIONS, type DimensionName, MEASURES } from '../definition/catalogue.ts'
import type { Column, FieldType } from './columns.ts'

/** A field descriptor; `unit` is a custom property (the unit as published, e.g. `dossiers`). */
export interface Field {
  readonly name: string
  readonly type: FieldType
  readonly title: string
  readonly description: string
  readonly unit?: string
  readonly constraints?: {
    readonly required?: boolean
    readonly unique?: boolean
    readonly enum?: readonly string[]
    readonly minimum?: number
    readonly maximum?: number
  }
}

export interface ForeignKey {
  readonly fields: string
  readonly reference: { readonly resource: string; readonly fields: string }
}

export interface TableSchema {
  readonly fields: readonly Field[]
  readonly missingValues: readonly string[]
  readonly primaryKey: readonly string[]
  readonly foreignKeys: readonly ForeignKey[]
}

/** Cell statuses (PRIVACY.md §1). */
export const STATUSES = ['V', 'A', 'B', 'D'] as const

const STATUS_DESCRIPTION =
  'V : valeur publiée ; A : secret primaire (effectif ou taux) ; B : secret primaire (dominance) ; ' +
  'D : secret secondaire. Une valeur secrète est vide ; une valeur vide de statut V est indéfinie ' +
  '(dénominateur nul).'

/** Name of the resource of a dimension's hierarchy file. */
export function hierarchyResourceName(dimension: string): string {
  return `hierarchie_${dimension}`
}

/** The schema of a table file. */
export function tableSchema(columns: readonly Column[]): TableSchema {
  const dimensions = columns.filter((c) => c.role === 'dimension').map((c) => c.name)
  return {
    fields: columns.map(field),
    missingValues: [''],
    primaryKey: dimensions,
    foreignKeys: dimensions.map((name) => ({
      fields: name,
      reference: { resource: hierarchyResourceName(name), fields: 'code' },
    })),
  }
}

function field(column: Column): Field {
  if (column.role === 'dimension') {
    const { label, description } = DIMENSIONS[column.dimension]
    const text = `${description} Code à tout niveau de la hiérarchie ; _T : ensemble.`
    return {
      name: column.name,
      type: 'string',
      title: label,
      description: text,
      constraints: { required: true },
    }
  }
  const info = MEASURES[column.measure]
  const rate = info.measure.kind === 'rate'
  if (column.role === 'status')
    return {
      name: column.name,
      type: 'string',
      title: `${info.label} : statut`,
      description: STATUS_DESCRIPTION,
      constraints: { required: true, enum: STATUSES },
    }
  const proportion = { minimum: 0, ...(rate ? { maximum: 1 } : {}) }
  if (column.role === 'value')
    return {
      name: column.name,
      type: column.type,
      title: info.label,
      description: info.description,
      unit: info.unit,
      constraints: proportion,
    }
  const bound = column.role === 'low' ? 'basse' : 'haute'
  return {
    name: column.name,
    type: 'number',
    title: `${info.label} : borne ${bound} de l’intervalle de confiance à 95 %`,
    description: `Borne ${bound} de l’intervalle de confiance de Wilson à 95 % du taux.`,
    unit: info.unit,
    constraints: { minimum: 0, maximum: 1 },
  }
}

/** Level names of a dimension's codes, the root's (`total`) first. */
export function levelNames(dimension: DimensionName): string[] {
  return ['total', ...DIMENSIONS[dimension].levels.map((l) => l.name)]
}

/** The schema of a hierarchy file (each parent is a code of the same file). */
export function hierarchySchema(dimension: DimensionName): TableSchema {
  const { label } = DIMENSIONS[dimension]
  return {
    fields: [
      {
        name: 'code',
        type: 'string',
        title: 'Code',
        description: `Code (${label}).`,
        constraints: { required: true, unique: true },
      },
      {
        name: 'parent',
        type: 'string',
        title: 'Code parent',
        description: 'Code du niveau supérieur ; vide pour _T.',
      },
      {
        name: 'label',
        type: 'string',
        title: 'Libellé',
        description: 'Libellé du code.',
        constraints: { required: true },
      },
      {
        name: 'niveau',
        type: 'string',
        title: 'Niveau',
        description: 'Niveau du code (total pour _T).',
        constraints: { required: true, enum: levelNames(dimension) },
      },
    ],
    missingValues: [''],
    primaryKey: ['code'],
    foreignKeys: [{ fields: 'parent', reference: { resource: '', fields: 'code' } }],
  }
}
