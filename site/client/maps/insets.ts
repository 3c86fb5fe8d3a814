/**
 * The layout of a map of France: metropolitan France (with Corsica) in a conic conformal projection on
 * the right, and the five overseas territories as insets in a column on the left, each with its own
 * projection fitted to its box. The boundary files keep the true coordinates of overseas territories,
 * so one projection for all would draw them thousands of kilometres away.
 */
import { type GeoProjection, geoConicConformal, geoMercator, geoPath } from 'd3-geo'
import type { Feature, FeatureCollection, Geometry } from 'geojson'

/** The level a map colours, and the prefix of its territory codes in published tables. */
export type MapLevel = 'region' | 'departement'

/** Properties of the boundary files in `site/geo/`. */
export interface BoundaryProperties {
  readonly code: string
  readonly nom: string
}

export type Boundaries = FeatureCollection<Geometry, BoundaryProperties>

/** One territory drawn: its published code (`R84`, `D971`), name and SVG path. */
export interface Shape {
  readonly code: string
  readonly name: string
  readonly path: string
}

/** An inset's frame and caption. */
export interface InsetBox {
  readonly name: string
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

export interface MapLayout {
  readonly width: number
  readonly height: number
  readonly shapes: readonly Shape[]
  readonly insets: readonly InsetBox[]
}

/** Overseas territories in inset order: département code, région code, name. */
export const OVERSEAS: readonly { departement: string; region: string; name: string }[] = [
  { departement: '971', region: '01', name: 'Guadeloupe' },
  { departement: '972', region: '02', name: 'Martinique' },
  { departement: '973', region: '03', name: 'Guyane' },
  { departement: '974', region: '04', name: 'La Réunion' },
  { departement: '976', region: '06', name: 'Mayotte' },
]

const WIDTH = 640
const HEIGHT = 560
const COLUMN = 118
const GAP = 12
/** Room under each inset for its caption. */
const CAPTION = 16

/** The published territory code of a boundary feature (`R` + région code, `D` + département code). */
export function territoryCode(level: MapLevel, feature: Feature<Geometry, BoundaryProperties>): string {
  return (level === 'region' ? 'R' : 'D') + feature.properties.code
}

function insetIndex(level: MapLevel, code: string): number {
  return OVERSEAS.findIndex((o) => (level === 'region' ? o.region : o.departement) === code)
}

/**
 * Projects every boundary into a fixed 640 × 560 frame: metropolitan France on the right, the overseas
 * insets stacked on the left.
 * @example layoutMap(departements, 'departement').shapes.length // 101
 */
export function layoutMap(boundaries: Boundaries, level: MapLevel): MapLayout {
  const metropolitan = boundaries.features.filter((f) => insetIndex(level, f.properties.code) < 0)
  const metro: GeoProjection = geoConicConformal()
    .parallels([44, 49])
    .rotate([-3, 0])
    .fitExtent(
      [
        [COLUMN + GAP * 2, GAP],
        [WIDTH - GAP, HEIGHT - GAP],
      ],
      { type: 'FeatureCollection', features: metropolitan },
    )
  const step = (HEIGHT - GAP) / OVERSEAS.length
  const insets: InsetBox[] = OVERSEAS.map((o, i) => ({
    name: o.name,
    x: GAP,
    y: GAP / 2 + i * step,
    width: COLUMN,
    height: step - GAP / 2,
  }))
  const shapes: Shape[] = boundaries.features.map((feature) => {
    const index = insetIndex(level, feature.properties.code)
    const box = insets[index]
    const projection = box
      ? geoMercator().fitExtent(
          [
            [box.x + 4, box.y + 4],
            [box.x + box.width - 4, box.y + box.height - CAPTION],
          ],
          feature,
        )
      : metro
    return {
      code: territoryCode(level, feature),
      name: feature.properties.nom,
      path: geoPath(projection)(feature) ?? '',
    }
  })
  return { width: WIDTH, height: HEIGHT, shapes, insets }
}
