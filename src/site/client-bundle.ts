/**
 * The site's browser code and map boundaries, written into `DIR/assets/`: `site/client/main.ts`
 * bundled by esbuild into a small minified ES module `passerelle.js` and the chunks it loads for what
 * a page holds (figures, cross tables, the explorer, Plot, maps, downloads), and `site/geo/*.geojson`
 * copied to `assets/geo/` — so that no page asks another host for a script or a map.
 */
import { relative } from 'node:path'
import { build } from 'esbuild'
import { SITE_SOURCES, type SiteEffects } from './effects.ts'

/** The boundary files the maps load (see `site/geo/README.md` for source and licence). */
export const GEO_FILES = ['regions.geojson', 'departements.geojson'] as const

/** What the bundle wrote: paths under DIR and byte sizes, for the build's log and the size budget. */
export interface ClientAssets {
  readonly files: readonly { readonly path: string; readonly bytes: number }[]
}

/** A file of the browser code: its path under DIR and its bytes. */
export interface BundleFile {
  readonly path: string
  readonly contents: Uint8Array
}

/** What makes the browser code (esbuild in the build; a stand-in in tests). */
export type ClientBundler = () => Promise<BundleFile[]>

/**
 * Bundles `site/client/main.ts` in memory (esbuild reads the sources; the output goes through
 * `effects`, like every other file of the site).
 * @example const { files } = await bundleClient() // [{ path: 'assets/passerelle.js', bytes: … }, …]
 */
export async function bundleClient(): Promise<BundleFile[]> {
  const outdir = `${SITE_SOURCES}/.bundle`
  const result = await build({
    entryPoints: { passerelle: `${SITE_SOURCES}/client/main.ts` },
    bundle: true,
    format: 'esm',
    splitting: true,
    minify: true,
    target: 'es2022',
    platform: 'browser',
    chunkNames: 'chunks/[name]-[hash]',
    legalComments: 'none',
    outdir,
    write: false,
    logLevel: 'silent',
  })
  return result.outputFiles.map((file) => ({
    path: `assets/${relative(outdir, file.path).split('\\').join('/')}`,
    contents: file.contents,
  }))
}

/** Writes the bundle (made by `bundle`) and the boundary files into `DIR/assets/`. */
export async function writeClientAssets(
  effects: SiteEffects,
  bundle: ClientBundler = bundleClient,
): Promise<ClientAssets> {
  const files: { path: string; bytes: number }[] = []
  for (const { path, contents } of await bundle()) {
    await effects.writeBytes(path, contents)
    files.push({ path, bytes: contents.byteLength })
  }
  for (const name of GEO_FILES) {
    const text = await effects.readSource(`geo/${name}`)
    await effects.writeText(`assets/geo/${name}`, text)
    files.push({ path: `assets/geo/${name}`, bytes: Buffer.byteLength(text) })
  }
  const script = files.filter((f) => f.path.endsWith('.js')).reduce((sum, f) => sum + f.bytes, 0)
  effects.log(`site: browser code ${Math.round(script / 1024)} KB (passerelle.js and its chunks)`)
  return { files }
}
