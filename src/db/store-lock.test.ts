import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { lockStoreDir } from './store-lock.ts'

const folder = () => join(mkdtempSync(join(tmpdir(), 'passerelle-lock-')), 'pgdata')

describe('the embedded store lock', () => {
  it('is taken by the opening process and released when the store closes', () => {
    const dir = folder()
    const release = lockStoreDir(dir)
    expect(readFileSync(`${dir}.lock`, 'utf8')).toBe(String(process.pid))
    release()
    expect(existsSync(`${dir}.lock`)).toBe(false)
  })

  it('refuses a store another live process holds, naming the folder and the pid', () => {
    const dir = folder()
    writeFileSync(`${dir}.lock`, String(process.ppid))
    expect(() => lockStoreDir(dir)).toThrow(
      `the embedded store ${dir} is open in another passerelle process (pid ${process.ppid}): stop it first, or set DATABASE_URL to share a PostgreSQL server`,
    )
  })

  it('takes over the lock of a process that is gone (killed with -9)', () => {
    const dir = folder()
    const gone = spawnSync(process.execPath, ['-e', '0']).pid!
    writeFileSync(`${dir}.lock`, String(gone))
    const release = lockStoreDir(dir)
    expect(readFileSync(`${dir}.lock`, 'utf8')).toBe(String(process.pid))
    release()
  })

  it('lets the same process open its store again', () => {
    const dir = folder()
    lockStoreDir(dir)
    expect(() => lockStoreDir(dir)).not.toThrow()
  })
})
