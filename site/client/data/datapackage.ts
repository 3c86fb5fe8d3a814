/**
 * What the explorer needs from a dataset's `datapackage.json` (Frictionless Data Package written by
 * publish): its tables, their dimensions (the primary key) and measures (the fields with a `_statut`
 * companion), with their French titles and units.
 */

export interface FieldInfo {
  readonly name: string
  readonly title: string
  readonly unit?: string
}

export interface TableInfo {
  readonly name: string
  readonly title: string
  /** Path of the table's JSON beside the datapackage (`<table>.json`). */
  readonly json: string
  readonly dimensions: readonly FieldInfo[]
  readonly measures: readonly FieldInfo[]
}

export interface DatasetInfo {
  readonly slug: string
  readonly title: string
  readonly tables: readonly TableInfo[]
}

interface PackageField {
  readonly name: string
  readonly title?: string
  readonly unit?: string
}

interface PackageResource {
  readonly name: string
  readonly path: string
  readonly title?: string
  readonly format?: string
  readonly schema?: {
    readonly fields?: readonly PackageField[]
    readonly primaryKey?: string | readonly string[]
  }
}

/** The datapackage fields the explorer reads. */
export interface DataPackage {
  readonly name: string
  readonly title?: string
  readonly resources: readonly PackageResource[]
}

const info = (f: PackageField): FieldInfo => ({
  name: f.name,
  title: f.title ?? f.name,
  ...(f.unit ? { unit: f.unit } : {}),
})

/**
 * The data tables of a package (hierarchy resources left out), in package order.
 * @example readDataPackage(pkg).tables.map((t) => t.name) // ['entrees_region', 'entrees_dispositif']
 */
export function readDataPackage(pkg: DataPackage): DatasetInfo {
  const tables: TableInfo[] = []
  for (const resource of pkg.resources) {
    if (resource.name.startsWith('hierarchie_') || !resource.path.endsWith('.csv')) continue
    const fields = resource.schema?.fields ?? []
    const key = resource.schema?.primaryKey ?? []
    const keys = typeof key === 'string' ? [key] : key
    const names = new Set(fields.map((f) => f.name))
    tables.push({
      name: resource.name,
      title: resource.title ?? resource.name,
      json: resource.path.replace(/\.csv$/, '.json'),
      dimensions: fields.filter((f) => keys.includes(f.name)).map(info),
      measures: fields.filter((f) => !keys.includes(f.name) && names.has(`${f.name}_statut`)).map(info),
    })
  }
  return { slug: pkg.name, title: pkg.title ?? pkg.name, tables }
}
