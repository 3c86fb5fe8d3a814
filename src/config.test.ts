import { availableParallelism } from 'node:os'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError, readConfig } from './config.ts'

describe('readConfig', () => {
  it('defaults to the embedded store in ./.passerelle, no secret, no trusted proxy, two publish connections', () => {
    expect(readConfig({}, '/srv/hub')).toEqual({
      databaseUrl: null,
      dataDir: resolve('/srv/hub', '.passerelle'),
      secret: null,
      trustProxy: 0,
      publishConnections: 2,
      protectThreads: availableParallelism(),
    })
  })

  it('takes a postgres:// or postgresql:// DATABASE_URL, a Unix socket one included', () => {
    const urls = ['postgres://u:p@db:5432/hub', 'postgresql://db/hub', 'postgres:///hub?host=/run/postgresql']
    expect(urls.map((url) => readConfig({ DATABASE_URL: ` ${url} ` }, '/').databaseUrl)).toEqual(urls)
  })

  it('refuses another DATABASE_URL without quoting it (it may hold a password)', () => {
    for (const value of ['notaurl', 'mysql://u:secret@db/hub', 'db:5432/hub'])
      expect(() => readConfig({ DATABASE_URL: value }, '/')).toThrow(
        new ConfigError(
          'DATABASE_URL must be a URL postgres://user@host:port/database (its value is not shown: it may hold a password)',
        ),
      )
  })

  it('reads PASSERELLE_TRUST_PROXY as a number of hops; empty or 0 is off', () => {
    const hops = ['', ' ', '0', '1', ' 2 ', '10'].map(
      (v) => readConfig({ PASSERELLE_TRUST_PROXY: v }, '/').trustProxy,
    )
    expect(hops).toEqual([0, 0, 0, 1, 2, 10])
  })

  it('refuses a PASSERELLE_TRUST_PROXY that is not a small number of hops, naming the value', () => {
    for (const value of ['true', 'yes', '-1', '1.5', '0x1', '11', '1e1'])
      expect(() => readConfig({ PASSERELLE_TRUST_PROXY: value }, '/')).toThrow(
        new ConfigError(
          `PASSERELLE_TRUST_PROXY "${value}" must be the number of reverse proxies in front of the hub, 0 to 10 (e.g. 1)`,
        ),
      )
  })

  it('reads PASSERELLE_PUBLISH_CONNECTIONS as a number of connections from 1 to 8; empty is 2', () => {
    const n = ['', '1', ' 3 ', '8'].map(
      (v) => readConfig({ PASSERELLE_PUBLISH_CONNECTIONS: v }, '/').publishConnections,
    )
    expect(n).toEqual([2, 1, 3, 8])
  })

  it('refuses a PASSERELLE_PUBLISH_CONNECTIONS out of 1 to 8, naming the value', () => {
    for (const value of ['0', '9', 'two', '1.5', '-2'])
      expect(() => readConfig({ PASSERELLE_PUBLISH_CONNECTIONS: value }, '/')).toThrow(
        new ConfigError(
          `PASSERELLE_PUBLISH_CONNECTIONS "${value}" must be how many tables to aggregate at once, 1 to 8 (e.g. 2)`,
        ),
      )
  })

  it('reads PASSERELLE_PROTECT_THREADS from 1 to 64, the number of cores when empty, and refuses others naming the value', () => {
    const n = ['', '1', ' 2 ', '64'].map(
      (v) => readConfig({ PASSERELLE_PROTECT_THREADS: v }, '/').protectThreads,
    )
    expect(n).toEqual([availableParallelism(), 1, 2, 64])
    for (const value of ['0', '65', 'all', '1.5'])
      expect(() => readConfig({ PASSERELLE_PROTECT_THREADS: value }, '/')).toThrow(
        new ConfigError(
          `PASSERELLE_PROTECT_THREADS "${value}" must be how many threads protect the tables, 1 to 64 (e.g. 1)`,
        ),
      )
  })
})
