import { describe, expect, it } from 'vitest'
import { openNir, sealNir } from './sealed-nir.ts'

const NIR = '2850575056048'

describe('sealNir / openNir', () => {
  it('opens in the session that sealed it, and the sealed text does not hold the NIR in clear', () => {
    const sealed = sealNir('secret', 'session-1', NIR)
    expect([openNir('secret', 'session-1', sealed), sealed.includes(NIR)]).toEqual([NIR, false])
  })

  it('never opens in another session, under another secret, edited or forged', () => {
    const sealed = sealNir('secret', 'session-1', NIR)
    const edited = `${sealed.slice(0, 20)}${sealed[20] === 'A' ? 'B' : 'A'}${sealed.slice(21)}`
    expect([
      openNir('secret', 'session-2', sealed),
      openNir('other', 'session-1', sealed),
      openNir('secret', 'session-1', edited),
      openNir('secret', 'session-1', 'AAAA'),
      openNir('secret', 'session-1', `${sealed}=`),
      openNir('secret', 'session-1', ''),
    ]).toEqual([undefined, undefined, undefined, undefined, undefined, undefined])
  })
})
