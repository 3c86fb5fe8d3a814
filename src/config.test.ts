import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError, readConfig } from './config.ts'

describe('readConfig', () => {
  it('defaults to the embedded store in ./.passerelle, no secret, no trusted proxy', () => {
    expect(readConfig({}, '/srv/hub')).toEqual({
      databaseUrl: null,
      dataDir: resolve('/srv/hub', '.passerelle'),
      secret: null,
      trustProxy: 0,
    })
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
})
