import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ensureFolder, existingFolder } from './ensure-folder.ts'

const scratch = () => mkdtempSync(join(tmpdir(), 'passerelle-folder-'))
const root = process.getuid?.() === 0

describe('ensureFolder', () => {
  it('creates the folder and its missing parents', () => {
    const dir = scratch()
    expect(ensureFolder(join(dir, 'a', 'b', 'pgdata'))).toBeNull()
    expect(existsSync(join(dir, 'a', 'b', 'pgdata'))).toBe(true)
  })

  it('names the file that stands where a folder must be', () => {
    const dir = scratch()
    writeFileSync(join(dir, 'data'), '')
    expect(ensureFolder(join(dir, 'data', 'pgdata'))).toBe(`${join(dir, 'data')} is not a directory`)
    expect(ensureFolder(join(dir, 'data'))).toBe(`${join(dir, 'data')} is not a directory`)
  })

  it('with probe, tells whether the folder can be made and leaves nothing behind', () => {
    const dir = scratch()
    expect(ensureFolder(join(dir, 'out', 'public'), { probe: true })).toBeNull()
    expect(readdirSync(dir)).toEqual([])
  })

  it.skipIf(root)('names a folder it cannot create in, and one it cannot write', () => {
    const dir = scratch()
    mkdirSync(join(dir, 'locked'))
    chmodSync(join(dir, 'locked'), 0o500)
    expect(ensureFolder(join(dir, 'locked', 'pgdata'))).toBe(
      `cannot create ${join(dir, 'locked', 'pgdata')} (EACCES)`,
    )
    expect(ensureFolder(join(dir, 'locked'))).toBe(`${join(dir, 'locked')} is not writable (EACCES)`)
  })

  // Node's recursive mkdir spins forever there (procfs answers ENOENT under an existing /proc):
  // run in a child process killed after 20 s, so that a regression fails instead of hanging.
  it.skipIf(!existsSync('/proc/self'))('refuses a folder under /proc at once instead of spinning', () => {
    const module = new URL('./ensure-folder.ts', import.meta.url).href
    const child = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        `import(${JSON.stringify(module)}).then((m) => process.stdout.write(String(m.ensureFolder('/proc/passerelle-nope/pgdata'))))`,
      ],
      { encoding: 'utf8', timeout: 20_000, killSignal: 'SIGKILL' },
    )
    expect([child.signal, child.stdout]).toEqual([null, 'cannot create /proc/passerelle-nope (ENOENT)'])
  })
})

describe('existingFolder', () => {
  it('accepts a folder, and says when the path is missing or a file', () => {
    const dir = scratch()
    writeFileSync(join(dir, 'file'), '')
    expect([
      existingFolder(dir),
      existingFolder(join(dir, 'none')),
      existingFolder(join(dir, 'file')),
    ]).toEqual([null, `${join(dir, 'none')} does not exist`, `${join(dir, 'file')} is not a directory`])
  })
})
