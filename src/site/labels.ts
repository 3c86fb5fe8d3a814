import type { PublishedDataset } from './published.ts'

/** Looks up code labels in a dataset's hierarchies; unknown codes read as themselves. */
export type Labeller = (dimension: string, code: string) => string

/** A {@link Labeller} over a dataset's `hierarchies/*.csv`. */
export function labeller(dataset: PublishedDataset): Labeller {
  const maps = new Map<string, Map<string, string>>()
  for (const [dimension, codes] of dataset.hierarchies)
    maps.set(dimension, new Map(codes.map((c) => [c.code, c.label])))
  return (dimension, code) => maps.get(dimension)?.get(code) ?? code
}

/** The title of a column in a dataset's datapackage (its name when none). */
export function fieldTitle(dataset: PublishedDataset, column: string): string {
  for (const resource of dataset.datapackage.resources) {
    const field = resource.schema.fields.find((f) => f.name === column)
    if (field?.title) return field.title
  }
  return column
}
