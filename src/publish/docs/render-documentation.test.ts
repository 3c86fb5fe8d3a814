import { describe, expect, it } from 'vitest'
import { readDefinitions } from '../definition/read-definitions.ts'
import { current, financements, financementsRelease, insertion, older, previous } from './docs.fixture.ts'
import { expectGolden } from './expect-golden.ts'
import { renderDocumentation } from './render-documentation.ts'

describe('renderDocumentation', () => {
  it('documents a dataset with its dictionary, rules, coverage and the changes since the previous release', () => {
    const markdown = renderDocumentation({
      definition: insertion,
      release: current,
      earlier: [older, previous],
      protection: {
        releasesOnline: ['2026-10-31', '2026-09-30'],
        audit: { checked: 75, ok: true, unprotected: [] },
      },
    })
    expectGolden('insertion-apres-formation.md', markdown)
  })

  it('documents a first publication with dominance rules, a withheld count share and no hand-written text', () => {
    const markdown = renderDocumentation({
      definition: financements,
      release: financementsRelease,
      earlier: [],
      protection: { singletons: false },
    })
    expectGolden('financements.md', markdown)
  })

  it('gives each section of every dataset of datasets/ once, the hand-written coverage inside the generated one', async () => {
    const definitions = await readDefinitions()
    if (!definitions.ok) throw new Error(JSON.stringify(definitions.issues))
    const repeated = definitions.value.flatMap((definition) => {
      const markdown = renderDocumentation({ definition, release: current, earlier: [] })
      const headings = markdown.split('\n').filter((l) => /^## /.test(l))
      return headings.filter((h, i) => headings.indexOf(h) !== i).map((h) => `${definition.slug}: ${h}`)
    })
    expect(repeated).toEqual([])
  })
})
