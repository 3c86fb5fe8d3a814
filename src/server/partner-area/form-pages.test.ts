import { describe, expect, it } from 'vitest'
import { formPages } from './form-pages.ts'

describe('formPages', () => {
  it('leads a refused form back to the page its route declared, and anything else to the area’s home', () => {
    const forms = formPages()
    const declared = forms.declare('/recherche', 'Revenir à la recherche')
    const home = { href: '/espace-partenaire/', label: 'Retour à l’espace partenaire' }
    expect([
      declared,
      forms.backTo('/espace-partenaire/recherche'),
      forms.backTo('/espace-partenaire/recherche//'),
      forms.backTo('/espace-partenaire/deconnexion'),
      forms.backTo('/espace-partenaire/recherche/x'),
      forms.backTo('/recherche'),
    ]).toEqual([
      '/recherche',
      { href: '/espace-partenaire/recherche', label: 'Revenir à la recherche' },
      { href: '/espace-partenaire/recherche', label: 'Revenir à la recherche' },
      home,
      home,
      home,
    ])
  })
})
