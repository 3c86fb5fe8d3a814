import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fileErrorReason } from './file-error.ts'

const errno = (code: string) => Object.assign(new Error(`${code}: …`), { code })

describe('fileErrorReason', () => {
  it('says why a file could not be read in words, with the code', () => {
    let missing: unknown
    try {
      readFileSync(join(tmpdir(), 'passerelle-no-such-file.ndjson'))
    } catch (error) {
      missing = error
    }
    expect([
      fileErrorReason(missing),
      fileErrorReason(errno('EACCES')),
      fileErrorReason(errno('EISDIR')),
      fileErrorReason(errno('ENOTDIR')),
      fileErrorReason(errno('EXDEV')),
      fileErrorReason(new Error('no code')),
    ]).toEqual([
      'no such file (ENOENT)',
      'permission denied (EACCES)',
      'it is a directory (EISDIR)',
      'a folder on its path is a file (ENOTDIR)',
      'EXDEV',
      'no code',
    ])
  })
})
