import { describe, expect, it } from 'vitest'
import { clientAddress } from './client-address.ts'

const PROXY = '10.0.0.2'

describe('clientAddress', () => {
  it('is the socket peer when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect([
      clientAddress(PROXY, undefined, 0),
      clientAddress(PROXY, '203.0.113.7', 0),
      clientAddress(undefined, '203.0.113.7', 0),
    ]).toEqual([PROXY, PROXY, 'inconnue'])
  })

  it('behind one proxy, is the right-most entry: the address that proxy saw', () => {
    expect([
      clientAddress(PROXY, '203.0.113.7', 1),
      clientAddress(PROXY, ' 198.51.100.1 ,203.0.113.7 ', 1),
      clientAddress(PROXY, '2001:db8::7', 1),
    ]).toEqual(['203.0.113.7', '203.0.113.7', '2001:db8::7'])
  })

  it('behind n proxies, is the right-most entry the n-th proxy added; a forged prefix is skipped', () => {
    expect([
      clientAddress(PROXY, '198.51.100.66, 203.0.113.7, 10.0.0.1', 2),
      clientAddress(PROXY, 'forged, 203.0.113.7, 10.0.0.1', 2),
      clientAddress(PROXY, '1.1.1.1, 2.2.2.2, 203.0.113.7, 10.0.0.1, 10.0.0.9', 3),
    ]).toEqual(['203.0.113.7', '203.0.113.7', '203.0.113.7'])
  })

  it('takes the left-most entry of a chain shorter than the trusted hops', () => {
    expect(clientAddress(PROXY, '203.0.113.7', 2)).toBe('203.0.113.7')
  })

  it('falls back to the socket peer without the header or when its trusted part is malformed', () => {
    const malformed = [
      '',
      ' ',
      'unknown',
      '203.0.113.7,',
      '203.0.113.7:4711',
      '[2001:db8::7]',
      '203.0.113.999',
      '203.0.113.7 10.0.0.1',
    ]
    expect([undefined, ...malformed].map((header) => clientAddress(PROXY, header, 1))).toEqual(
      Array(malformed.length + 1).fill(PROXY),
    )
    expect(clientAddress(PROXY, 'not-an-ip, 10.0.0.1', 2)).toBe(PROXY)
  })
})
