import { describe, expect, it } from 'vitest'
import { findLinks, groupLinks, type LinkCandidate, MAX_MATCHED_DOSSIERS } from './link-shared.ts'

const c = (partnerCode: string, recordId: string, over: Partial<LinkCandidate> = {}): LinkCandidate => ({
  personKey: 'p1',
  partnerId: ['CDC', 'R84', 'FT'].indexOf(partnerCode) + 1,
  partnerCode,
  recordId,
  siret: '11111111111111',
  certificationCode: 'RNCP1',
  plannedStart: '2024-01-10',
  sharedWith: [],
  ...over,
})
const summary = (links: ReturnType<typeof findLinks>) =>
  links.map((l) => `${l.a.recordId}-${l.b.recordId}:${l.reason}`)

describe('findLinks', () => {
  it('links records that name each other, even across persons', () => {
    const a = c('CDC', 'A', { sharedWith: [{ partner: 'R84', id: 'B' }] })
    const b = c('R84', 'B', { personKey: 'p2', siret: '22222222222222' })
    expect(summary(findLinks([b, a]))).toEqual(['A-B:declared'])
  })

  it('matches same person, SIRET, certification and starts within 31 days, and no further', () => {
    const a = c('CDC', 'A')
    expect(summary(findLinks([a, c('FT', 'F', { plannedStart: '2024-02-10' })]))).toEqual(['A-F:matched'])
    expect(summary(findLinks([a, c('FT', 'F', { plannedStart: '2024-02-11' })]))).toEqual([])
    expect(summary(findLinks([a, c('FT', 'F', { certificationCode: null })]))).toEqual([])
    expect(summary(findLinks([a, c('FT', 'F', { personKey: 'p2' })]))).toEqual([])
    expect(
      summary(
        findLinks([c('CDC', 'A', { certificationCode: null }), c('FT', 'F', { certificationCode: null })]),
      ),
    ).toEqual(['A-F:matched'])
  })

  it('does not match by rule the dossiers of a person holding more than the limit (a placeholder NIR), but keeps declared links', () => {
    const many = (n: number) =>
      Array.from({ length: n }, (_, i) => c(i % 2 === 0 ? 'CDC' : 'FT', `R${String(i).padStart(4, '0')}`))
    const declared = c('R84', 'D', { sharedWith: [{ partner: 'CDC', id: 'R0000' }] })
    expect([
      findLinks(many(MAX_MATCHED_DOSSIERS)).length,
      summary(findLinks([...many(MAX_MATCHED_DOSSIERS), declared])),
    ]).toEqual([(MAX_MATCHED_DOSSIERS / 2) ** 2, ['R0000-D:declared']])
  })

  it('never matches by rule a record whose declaration at that partner names another known record', () => {
    const a = c('CDC', 'A', { sharedWith: [{ partner: 'FT', id: 'OTHER' }] })
    const other = c('FT', 'OTHER', { plannedStart: '2023-01-01' })
    expect(summary(findLinks([a, c('FT', 'F'), other]))).toEqual(['A-OTHER:declared'])
  })

  it('falls back to the matching rule when a declaration names no known record', () => {
    const a = c('CDC', 'A', { sharedWith: [{ partner: 'FT', id: 'TYPO' }] })
    expect(summary(findLinks([a, c('FT', 'F')]))).toEqual(['A-F:matched'])
  })

  it('never links two records of the same partner', () => {
    expect(
      summary(findLinks([c('CDC', 'A'), c('CDC', 'B', { sharedWith: [{ partner: 'CDC', id: 'A' }] })])),
    ).toEqual([])
  })
})

describe('groupLinks', () => {
  it('names each shared dossier after its smallest record key, whatever the order', () => {
    const links = findLinks([c('R84', 'B'), c('FT', 'F'), c('CDC', 'A')])
    expect(Object.fromEntries(groupLinks(links))).toEqual({
      'CDC:A': 'CDC:A',
      'FT:F': 'CDC:A',
      'R84:B': 'CDC:A',
    })
  })
})
