/**
 * A map of cells, ready to insert: the choropleth and its legend items. Loaded on demand (its own
 * chunk with d3-geo), so that pages without maps do not download it.
 */
import { type LegendItem, legendItems } from '../charts/legend.ts'
import type { Cell } from '../data/cells.ts'
import { loadBoundaries } from './boundaries.ts'
import { renderChoropleth } from './choropleth.ts'
import { colourScale } from './colour.ts'
import { layoutMap, type MapLevel } from './insets.ts'

/** Draws `cells` (territory codes of `level`) on the map of France with its insets; `euro` for amounts. */
export async function drawMap(
  cells: readonly Cell[],
  level: MapLevel,
  rate: boolean,
  euro = false,
): Promise<{ svg: SVGSVGElement; legend: LegendItem[] }> {
  const boundaries = await loadBoundaries(level)
  const scale = colourScale(
    cells.flatMap((c) => (c.value !== null ? [c.value] : [])),
    rate,
    euro,
  )
  return {
    svg: renderChoropleth(layoutMap(boundaries, level), cells, scale, rate),
    legend: legendItems(
      cells,
      scale.classes.map((c) => ({ label: c.label, colour: c.colour })),
    ),
  }
}
