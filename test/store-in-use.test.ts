import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { memoryIo } from '../src/cli/io.ts'
import { main } from '../src/cli/main.ts'

describe('a command on an embedded store another process holds', () => {
  it('stops with exit code 1 and says which process holds it, touching nothing', async () => {
    const data = mkdtempSync(join(tmpdir(), 'passerelle-in-use-'))
    mkdirSync(join(data, 'pgdata'))
    writeFileSync(join(data, 'pgdata', 'PG_VERSION'), '17\n') // what a database folder holds
    // The test runner's parent process stands for a running `passerelle serve`.
    writeFileSync(join(data, 'pgdata.lock'), String(process.ppid))
    const { io, stderr } = memoryIo({ PASSERELLE_DATA: data, PASSERELLE_SECRET: 'x'.repeat(32) })
    expect(await main(['status'], io)).toBe(1)
    expect(stderr).toEqual([
      `passerelle status: the embedded store ${join(data, 'pgdata')} is open in another passerelle process (pid ${process.ppid}): stop it first, or set DATABASE_URL to share a PostgreSQL server`,
    ])
  })
})
