/** Loads the boundary files the site build copies next to the bundle (`assets/geo/`). */
import type { Boundaries, MapLevel } from './insets.ts'

const FILES: Record<MapLevel, string> = { region: 'regions.geojson', departement: 'departements.geojson' }
const loaded = new Map<MapLevel, Promise<Boundaries>>()

/** `assets/`, found from the page's script tag (code split into chunks has another `import.meta.url`). */
function assetsUrl(): string {
  const script = document.querySelector<HTMLScriptElement>('script[type="module"][src$="passerelle.js"]')
  return script?.src ?? document.baseURI
}

/** The boundaries of a level, fetched once from `assets/geo/`. */
export function loadBoundaries(level: MapLevel): Promise<Boundaries> {
  let pending = loaded.get(level)
  if (!pending) {
    const url = new URL(`geo/${FILES[level]}`, assetsUrl())
    pending = fetch(url).then((r) => {
      if (!r.ok) throw new Error(`cannot load ${url.pathname}: HTTP ${r.status}`)
      return r.json() as Promise<Boundaries>
    })
    loaded.set(level, pending)
  }
  return pending
}
