import type { PackageResource, Published, PublishedDataset, TableData } from './published.ts'

/** A published table chosen for a view, with its data read. */
export interface TableRef {
  readonly dataset: PublishedDataset
  readonly resource: PackageResource
  readonly dimensions: readonly string[]
  readonly data: TableData
}

export interface TableQuery {
  readonly measure: string
  /** Dimensions the table must have (others are read at their total). */
  readonly dimensions: readonly string[]
  /** Dataset slugs to look in first, in order. */
  readonly prefer?: readonly string[]
  /** A last check on the rows (e.g. the table reaches the département level). */
  readonly accept?: (data: TableData) => boolean
}

function tableResources(dataset: PublishedDataset): PackageResource[] {
  return dataset.datapackage.resources.filter((r) => !r.path.startsWith('hierarchies/'))
}

/** A table resource's dimensions: its primary key. */
export function resourceDimensions(resource: PackageResource): readonly string[] {
  return resource.schema.primaryKey ?? []
}

/**
 * The published table best suited to show `measure` along `dimensions`: among the tables that have
 * the measure and every wanted dimension, the one with the fewest other dimensions (fewer cells
 * held at their totals, so less secondary suppression in what is shown), preferred datasets first.
 */
export async function findTable(published: Published, query: TableQuery): Promise<TableRef | undefined> {
  const prefer = query.prefer ?? []
  const rank = (slug: string) => {
    const i = prefer.indexOf(slug)
    return i === -1 ? prefer.length : i
  }
  const candidates = published.datasets
    .flatMap((dataset) => tableResources(dataset).map((resource) => ({ dataset, resource })))
    .filter(({ resource }) => {
      const dims = resourceDimensions(resource)
      return (
        resource.schema.fields.some((f) => f.name === query.measure) &&
        query.dimensions.every((d) => dims.includes(d))
      )
    })
    .sort(
      (a, b) =>
        resourceDimensions(a.resource).length - resourceDimensions(b.resource).length ||
        rank(a.dataset.slug) - rank(b.dataset.slug) ||
        a.dataset.slug.localeCompare(b.dataset.slug) ||
        a.resource.name.localeCompare(b.resource.name),
    )
  for (const { dataset, resource } of candidates) {
    const data = await published.table(dataset.slug, resource.name)
    if (!data || (query.accept && !query.accept(data))) continue
    return { dataset, resource, dimensions: resourceDimensions(resource), data }
  }
  return undefined
}
