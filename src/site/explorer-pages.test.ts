import { describe, expect, it } from 'vitest'
import { memorySiteEffects } from './effects.ts'
import { writeExplorerPages } from './explorer-pages.ts'

describe('writeExplorerPages', () => {
  it('writes the explorer, its embed page and the browser code they load, all from DIR', async () => {
    const files = new Map<string, string | Uint8Array>()
    await writeExplorerPages(memorySiteEffects(files), {
      datasets: [{ slug: 'insertion-emploi', title: 'Insertion <dans> l’emploi' }],
    })
    const names = [...files.keys()].sort()
    expect(names.filter((n) => !n.startsWith('assets/chunks/'))).toEqual([
      'assets/geo/departements.geojson',
      'assets/geo/regions.geojson',
      'assets/passerelle.js',
      'explorer/embed.html',
      'explorer/index.html',
    ])
    const explorer = String(files.get('explorer/index.html'))
    const embed = String(files.get('explorer/embed.html'))
    for (const page of [explorer, embed]) {
      expect(page).toContain('<html lang="fr">')
      expect(page).toContain('<script type="module" src="../assets/passerelle.js"></script>')
      expect(page).toContain(
        '<li><a href="../jeux-de-donnees/insertion-emploi/index.html">Insertion &lt;dans&gt; l’emploi</a></li>',
      )
      expect(page).not.toMatch(/(src|href)="(https?:)?\/\//)
    }
    expect(explorer).toContain('<div id="psl-explorer" data-mode="explorer" data-root="../">')
    expect(embed).toContain('<div id="psl-explorer" data-mode="embed" data-root="../">')
    expect(embed).not.toContain('<nav')
  })

  it('bundles the browser code into ES modules that import nothing from another host', async () => {
    const files = new Map<string, string | Uint8Array>()
    await writeExplorerPages(memorySiteEffects(files), { datasets: [] })
    const scripts = [...files].filter(([name]) => name.endsWith('.js'))
    expect(scripts.length).toBeGreaterThan(2)
    const importsOf = (bytes: string | Uint8Array) =>
      [
        ...Buffer.from(bytes as Uint8Array)
          .toString('utf8')
          .matchAll(/(?:from|import\()\s*"([^"]+)"/g),
      ].map((m) => m[1])
    // The entry loads its chunks (Plot, maps, explorer) by relative imports…
    expect(importsOf(files.get('assets/passerelle.js')!).every((i) => i?.startsWith('./chunks/'))).toBe(true)
    expect(importsOf(files.get('assets/passerelle.js')!).some((i) => i?.includes('/explorer-'))).toBe(true)
    // …and no module imports anything else.
    for (const [name, bytes] of scripts) {
      const imports = importsOf(bytes)
      expect(
        imports.filter((i) => !i?.startsWith('./')),
        name,
      ).toEqual([])
    }
  })
})
