import { describe, expect, it } from 'vitest'
import { cell, embedDocumentation, markdownTable, takeSection } from './markdown.ts'

describe('markdownTable', () => {
  it('escapes pipes and backslashes and folds line breaks so any text stays in its cell', () => {
    expect(cell('a | b\\c\n  suite')).toBe('a \\| b\\\\c suite')
    expect(
      markdownTable(
        ['Code', 'Valeur'],
        [
          ['_T', '12'],
          ['x|y', '3'],
        ],
        ['left', 'right'],
      ),
    ).toBe('| Code | Valeur |\n|---|---:|\n| _T | 12 |\n| x\\|y | 3 |')
  })
})

describe('embedDocumentation', () => {
  it('drops the leading title and shifts headings so the highest is ##, leaving code blocks alone', () => {
    const readme = '\n# Titre\n\nIntro.\n\n### Méthode\n\n```sh\n# commentaire\n```\n\n#### Détail\n'
    expect(embedDocumentation(readme)).toBe('Intro.\n\n## Méthode\n\n```sh\n# commentaire\n```\n\n### Détail')
  })

  it('keeps a title that is not the first line, and text without headings as it is', () => {
    expect(embedDocumentation('Intro.\n\n# Partie\n\n## Sous-partie')).toBe(
      'Intro.\n\n## Partie\n\n### Sous-partie',
    )
    expect(embedDocumentation('Texte seul.\r\n')).toBe('Texte seul.')
    expect(embedDocumentation('')).toBe('')
  })
})

describe('takeSection', () => {
  it('splits a section out, up to the next section, code blocks left alone', () => {
    const doc =
      'Intro.\n\n## Champ\n\nTexte.\n\n```sh\n## pas un titre\n```\n\n### Détail\n\n## Limites\n\nAucune.'
    expect(takeSection(doc, 'Champ')).toEqual({
      rest: 'Intro.\n\n## Limites\n\nAucune.',
      body: 'Texte.\n\n```sh\n## pas un titre\n```\n\n### Détail',
    })
  })

  it('leaves documentation without that section as it is', () => {
    expect(takeSection('Intro.\n\n## Limites\n\nAucune.', 'Champ')).toEqual({
      rest: 'Intro.\n\n## Limites\n\nAucune.',
      body: '',
    })
  })
})
