import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeDatasetFolder } from './write-folder.ts'

describe('writeDatasetFolder', () => {
  it('hands every file to the effect under the folder, in order, sub-folders included', async () => {
    const written: [string, string][] = []
    const bytes = (text: string) => new TextEncoder().encode(text)
    await writeDatasetFolder(
      '/out/sorties',
      [
        { path: 't.csv', bytes: bytes('a\n') },
        { path: 'hierarchies/sexe.csv', bytes: bytes('code\n') },
      ],
      async (path, data) => {
        written.push([path, new TextDecoder().decode(data)])
      },
    )
    expect(written).toEqual([
      [join('/out/sorties', 't.csv'), 'a\n'],
      [join('/out/sorties', 'hierarchies', 'sexe.csv'), 'code\n'],
    ])
  })
})
