import type { SiteEffects } from './effects.ts'

/** The folder of DIR that holds the site's own files (styles, scripts, boundaries), and nothing else. */
export const ASSETS_FOLDER = 'assets'

/**
 * The files of `present` under the assets folder that this build did not write: chunks and other
 * content-hashed files of earlier builds, which no page of this build loads. Files outside the assets
 * folder (datasets, releases, catalogue, audit) are never stale: publish owns them.
 * @example staleAssets(['assets/chunks/a-OLD.js', 'assets/site.css', 'audit.json'], new Set(['assets/site.css'])) // ['assets/chunks/a-OLD.js']
 */
export function staleAssets(present: readonly string[], written: ReadonlySet<string>): string[] {
  return present.filter((path) => path.startsWith(`${ASSETS_FOLDER}/`) && !written.has(path))
}

/** Removes the stale assets of DIR (see {@link staleAssets}); returns what it removed. */
export async function removeStaleAssets(
  effects: SiteEffects,
  written: ReadonlySet<string>,
): Promise<string[]> {
  const stale = staleAssets(await effects.listFiles(ASSETS_FOLDER), written)
  for (const path of stale) await effects.remove(path)
  return stale
}
