import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readDefinitions } from './read-definitions.ts'

const SLUGS = [
  'accompagnements-cep',
  'chiffres-cles',
  'entrees-formation',
  'financements',
  'insertion-emploi',
  'organismes-formation',
  'sorties-resultats',
]

describe('readDefinitions', () => {
  it('loads the datasets/ folder of the repository without any issue', async () => {
    const result = await readDefinitions()
    expect(result.ok ? [] : result.issues).toEqual([])
    expect(result.ok && result.value.map((d) => d.slug)).toEqual(SLUGS)
  })

  it('leaves a missing README.md out, so that the loader reports it', async () => {
    const root = mkdtempSync(join(tmpdir(), 'passerelle-definitions-'))
    mkdirSync(join(root, 'datasets', 'demo'), { recursive: true })
    writeFileSync(join(root, 'datasets', 'demo', 'dataset.json'), '{}')
    const result = await readDefinitions(root)
    expect(!result.ok && result.issues[0]).toEqual({
      path: 'datasets/demo/README.md',
      code: 'definition/missing-file',
      message: 'missing datasets/demo/README.md: every dataset is documented in French for its readers',
    })
  })
})
