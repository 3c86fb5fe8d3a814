import { describe, expect, it } from 'vitest'
import { cell, embedDocumentation, markdownTable } from './markdown.ts'

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
