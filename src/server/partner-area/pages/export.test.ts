import { describe, expect, it } from 'vitest'
import { exportPage } from './export.ts'
import { mainText } from './test-text.ts'

const session = { partnerName: 'Partenaire Test', email: 'p@example.fr', csrfToken: 'x' }

// The page's downloads and headings, in order.
async function offered(dossiers: boolean, cep: boolean) {
  const markup = String(await exportPage(session, { dossiers, cep }))
  const main = /<main[^>]*>([\s\S]*)<\/main>/.exec(markup)![1]!
  return {
    headings: [...main.matchAll(/<h2>([^<]+)<\/h2>/g)].map((m) => m[1]),
    downloads: [...main.matchAll(/<a href="([^"]+)" download>/g)].map((m) => m[1]),
  }
}

describe('the export page', () => {
  it('offers a funder its dossiers’ files only, not a CEP file that would hold only its header', async () => {
    expect(await offered(true, false)).toEqual({
      headings: [],
      downloads: ['/espace-partenaire/export.csv?format=excel', '/espace-partenaire/export.csv'],
    })
  })

  it('offers a CEP operator its periods’ files only, not a dossier file that would hold only its header', async () => {
    expect(await offered(false, true)).toEqual({
      headings: ['Accompagnements CEP'],
      downloads: ['/espace-partenaire/export-cep.csv?format=excel', '/espace-partenaire/export-cep.csv'],
    })
  })

  it('offers a partner that sends both every file, each under its heading', async () => {
    expect(await offered(true, true)).toEqual({
      headings: ['Dossiers de formation', 'Accompagnements CEP'],
      downloads: [
        '/espace-partenaire/export.csv?format=excel',
        '/espace-partenaire/export.csv',
        '/espace-partenaire/export-cep.csv?format=excel',
        '/espace-partenaire/export-cep.csv',
      ],
    })
  })

  it('says what a CEP operator’s file holds, without speaking of funders', async () => {
    const text = await mainText(exportPage(session, { dossiers: false, cep: true }))
    expect(text.slice(0, 5)).toEqual([
      'Export de vos données',
      'Accompagnements CEP',
      'Une ligne par période d’accompagnement que vous avez transmise, avec l’identité transmise et l’état actuel de la période.',
      'Télécharger les accompagnements pour un tableur',
      'Télécharger les accompagnements pour un programme',
    ])
  })
})
