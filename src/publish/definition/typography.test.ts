import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DIMENSIONS, MEASURES } from './catalogue.ts'

const ROOT = join(import.meta.dirname, '..', '..', '..', 'datasets')
// A straight apostrophe between two letters: French prose written with the typewriter's one.
const STRAIGHT = /[A-Za-zÀ-ÿ]'[A-Za-zÀ-ÿ]/

/** The prose of a Markdown file: code spans and fenced blocks left out. */
const prose = (markdown: string) => markdown.replace(/```[\s\S]*?```|`[^`\n]*`/g, '')

describe('the published French texts', () => {
  it('write the apostrophe as ’, as the site does, in every dataset definition and documentation', () => {
    const found: string[] = []
    for (const slug of readdirSync(ROOT, { withFileTypes: true }).filter((d) => d.isDirectory())) {
      for (const file of ['dataset.json', 'README.md']) {
        const text = readFileSync(join(ROOT, slug.name, file), 'utf8')
        const lines = (file === 'README.md' ? prose(text) : text).split('\n')
        lines.forEach((line, i) => {
          if (STRAIGHT.test(line)) found.push(`${slug.name}/${file}:${i + 1}`)
        })
      }
    }
    for (const [name, dimension] of Object.entries(DIMENSIONS))
      if (STRAIGHT.test(`${dimension.label} ${dimension.description}`)) found.push(`dimension ${name}`)
    for (const [name, measure] of Object.entries(MEASURES))
      if (STRAIGHT.test(`${measure.label} ${measure.description}`)) found.push(`measure ${name}`)
    expect(found).toEqual([])
  })
})
