import { describe, expect, it } from 'vitest'
import { renderPage, rootOf } from './layout.ts'

describe('renderPage', () => {
  const page = renderPage({
    title: 'Catalogue',
    root: '../',
    path: 'catalogue/index.html',
    main: '<h1>Catalogue</h1>',
    description: 'Tous les "jeux"',
    scripts: ['assets/passerelle.js'],
  })

  it('is a French document with a skip link to main#contenu', () => {
    expect(page.startsWith('<!doctype html>\n<html lang="fr">')).toBe(true)
    expect(page).toContain('<a class="skip-link" href="#contenu">')
    expect(page).toContain('<main id="contenu" tabindex="-1">')
  })

  it('links every menu entry relative to the root and marks the current one', () => {
    const links = [...page.matchAll(/<li><a href="([^"]+)"( aria-current="[^"]+")?>([^<]+)<\/a><\/li>/g)]
      .slice(0, 6)
      .map((m) => [m[1], m[3], Boolean(m[2])])
    expect(links).toEqual([
      ['../index.html', 'Accueil', false],
      ['../indicateurs/index.html', 'Indicateurs', false],
      ['../comparer/index.html', 'Comparer les dispositifs', false],
      ['../explorer/index.html', 'Explorer', false],
      ['../catalogue/index.html', 'Catalogue', true],
      ['../partenaires/index.html', 'Espace partenaire', false],
    ])
  })

  it('escapes the description and roots the stylesheet, feed and scripts', () => {
    expect(page).toContain('<meta name="description" content="Tous les &quot;jeux&quot;">')
    expect(page).toContain('<link rel="stylesheet" href="../assets/site.css">')
    expect(page).toContain('href="../flux.atom"')
    expect(page).toContain('<script type="module" src="../assets/passerelle.js"></script>')
  })

  it('treats dataset pages as part of the catalogue section', () => {
    const dataset = renderPage({ title: 'x', root: '../../', path: 'jeux-de-donnees/a/index.html', main: '' })
    expect(dataset).toContain('<a href="../../catalogue/index.html" aria-current="true">Catalogue</a>')
  })
})

describe('rootOf', () => {
  it('climbs one level per folder', () => {
    expect([rootOf('index.html'), rootOf('a/index.html'), rootOf('a/b/index.html')]).toEqual([
      '',
      '../',
      '../../',
    ])
  })
})
