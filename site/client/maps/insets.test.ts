import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { type Boundaries, layoutMap, OVERSEAS } from './insets.ts'

const geo = (name: string): Boundaries =>
  JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'geo', `${name}.geojson`), 'utf8'))

/** The bounding box of the numbers of an SVG path. */
function bounds(path: string): [number, number, number, number] {
  const n = (path.match(/-?\d+(\.\d+)?(e-?\d+)?/g) ?? []).map(Number)
  const xs = n.filter((_, i) => i % 2 === 0)
  const ys = n.filter((_, i) => i % 2 === 1)
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)]
}

describe('layoutMap', () => {
  it('draws every département, the five overseas ones inside their inset boxes', () => {
    const layout = layoutMap(geo('departements'), 'departement')
    expect(layout.shapes.length).toBe(101)
    expect(layout.shapes.every((s) => s.path.startsWith('M'))).toBe(true)
    expect(layout.insets.map((b) => b.name)).toEqual(OVERSEAS.map((o) => o.name))
    OVERSEAS.forEach((o, i) => {
      const box = layout.insets[i]!
      const [x0, y0, x1, y1] = bounds(layout.shapes.find((s) => s.code === `D${o.departement}`)!.path)
      expect([x0 >= box.x, y0 >= box.y, x1 <= box.x + box.width, y1 <= box.y + box.height]).toEqual([
        true,
        true,
        true,
        true,
      ])
    })
  })

  it('keeps metropolitan France (Corsica included) right of the inset column and inside the frame', () => {
    const layout = layoutMap(geo('regions'), 'region')
    const column = Math.max(...layout.insets.map((b) => b.x + b.width))
    const metro = layout.shapes.filter((s) => !OVERSEAS.some((o) => `R${o.region}` === s.code))
    expect(metro.map((s) => s.code).sort()).toEqual(
      ['R11', 'R24', 'R27', 'R28', 'R32', 'R44', 'R52', 'R53', 'R75', 'R76', 'R84', 'R93', 'R94'].sort(),
    )
    for (const shape of metro) {
      const [x0, y0, x1, y1] = bounds(shape.path)
      expect(x0, shape.code).toBeGreaterThan(column)
      expect(x1, shape.code).toBeLessThanOrEqual(layout.width)
      expect(y0, shape.code).toBeGreaterThanOrEqual(0)
      expect(y1, shape.code).toBeLessThanOrEqual(layout.height)
    }
  })
})
