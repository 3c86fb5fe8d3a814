import { describe, expect, it } from 'vitest'
import {
  crossPersonLines,
  crowdedLines,
  feedLine,
  flagLines,
  tokenLines,
  tokenState,
  unfinishedLines,
} from './status.ts'

describe('the change feed line of passerelle status', () => {
  it('says up to date when no committed version waits, whatever transaction is open', () => {
    expect(
      feedLine({
        waiting: 0,
        oldest: { pid: 7, database: 'hub', since: null, seconds: 3, state: 'active' },
      }),
    ).toBe('up to date')
  })

  it('names the session the waiting versions wait for, with what the server shows of it', () => {
    expect([
      feedLine({
        waiting: 1234,
        oldest: {
          pid: 4242,
          database: 'hub',
          since: '2026-12-04T21:00:00Z',
          seconds: 125,
          state: 'idle in transaction',
        },
      }),
      feedLine({ waiting: 1, oldest: { pid: 9, database: null, since: null, seconds: null, state: null } }),
      feedLine({ waiting: 2, oldest: null }),
    ]).toEqual([
      '1,234 committed versions wait for the transaction of server process 4242 (database hub, open 125 s, idle in transaction) to end',
      '1 committed version waits for the transaction of server process 9 to end',
      '2 committed versions wait for a transaction that has just ended',
    ])
  })
})

describe('the referential flags of passerelle status', () => {
  it('give a line per partner, aligned under their titles, a dash for a referential not loaded', () => {
    expect(
      flagLines([
        {
          partner: 'CDC',
          unknownOffer: 241,
          offerOrganismDiffers: 106,
          unknownSiret: 1102,
          ndaDiffers: 154,
          unknownCertification: null,
          inactiveCertification: null,
        },
        {
          partner: 'OPCOMOBILITES',
          unknownOffer: 6,
          offerOrganismDiffers: 0,
          unknownSiret: 4,
          ndaDiffers: 4,
          unknownCertification: 3,
          inactiveCertification: 12,
        },
      ]),
    ).toEqual([
      '\nflagged by the referentials (current dossiers; — : referential not loaded):',
      "  partner       unknown offer other than offer's organism unknown SIRET  other NDA unknown certification certification inactive",
      '  CDC                     241                         106         1,102        154                     —                      —',
      '  OPCOMOBILITES             6                           0             4          4                     3                     12',
    ])
  })

  it('say nothing when no dossier is flagged', () => {
    expect(flagLines([])).toEqual([])
  })
})

describe('the unfinished file imports of passerelle status', () => {
  it('name each with its progress and last batch, and say only the same file, unchanged, continues one; none when every import ended', () => {
    const at = (time: string) => new Date(`2026-12-06T${time}Z`)
    const base = { file: 'feed.ndjson', startedAt: at('07:00:30'), bytesDone: 0, bytesTotal: 0, lines: 0 }
    expect(
      unfinishedLines([
        {
          ...base,
          partner: 'OPCOMOBILITES',
          transmission: 7,
          status: 'interrupted',
          lastProgress: at('07:05:00'),
          bytesDone: 450,
          bytesTotal: 1000,
          lines: 1200,
        },
        { ...base, partner: 'CDC', transmission: 12, status: 'running', lastProgress: at('08:55:00') },
        { ...base, partner: 'R84', transmission: 13, status: 'stalled', lastProgress: at('08:49:59') },
      ]),
    ).toEqual([
      '\nfile imports not finished:',
      '  passerelle import --partner CODE FILE continues one after its last batch only if FILE is the same file, unchanged (it is found by its SHA-256);',
      '  a file changed since starts a new transmission from its first line (records already in come again as unchanged, or updated) and leaves this one listed;',
      '  passerelle import --abandon ID closes one that will not be continued (the records it committed stay):',
      '  OPCOMOBILITES  feed.ndjson  transmission 7   started 2026-12-06 07:00 UTC  1,200 lines in (45 % of the file)  interrupted, last batch 2026-12-06 07:05 UTC',
      '  CDC            feed.ndjson  transmission 12  started 2026-12-06 07:00 UTC  0 lines in                         running, last batch 2026-12-06 08:55 UTC',
      '  R84            feed.ndjson  transmission 13  started 2026-12-06 07:00 UTC  0 lines in                         stalled: no batch since 2026-12-06 08:49 UTC (stopped by a kill -9 or a crash?)',
    ])
    expect(unfinishedLines([])).toEqual([])
  })
})

describe('the tokens section of passerelle status', () => {
  const now = new Date('2026-12-06T10:00:00Z')
  const token = (partner: string, id: number, expiresAt: string | null) => ({
    partner,
    id,
    createdAt: new Date('2026-01-01T00:00:00Z'),
    expiresAt: expiresAt === null ? null : new Date(expiresAt),
  })

  it('names tokens ending within 30 days (unless the partner has one running longer), tokens without an end and partners without a token, with what to do; the time left rounded up, in hours under 2 days (29.9 days are 30)', () => {
    const state = tokenState(
      ['AGEFIPH', 'CDC', 'CEP01', 'CEP02', 'OPCOMOBILITES', 'R11', 'R84', 'TPRO1'],
      [
        token('CDC', 4, '2027-01-05T09:59:00Z'),
        token('CDC', 5, '2027-01-05T10:00:00Z'),
        token('OPCOMOBILITES', 2, null),
        token('R84', 9, '2026-12-06T20:00:00Z'),
        token('R84', 10, '2027-12-06T10:00:00Z'),
        token('R11', 3, '2026-12-06T20:00:00Z'),
        token('R93', 1, '2026-12-07T10:00:00Z'),
        token('CEP02', 6, '2026-12-08T09:59:00Z'),
        token('TPRO1', 7, '2026-12-08T10:00:00Z'),
        token('AGEFIPH', 8, '2026-12-06T10:30:00Z'),
      ],
      now,
    )
    expect(state).toEqual({
      expiring: [
        {
          partner: 'AGEFIPH',
          id: 8,
          expiresAt: '2026-12-06T10:30:00.000Z',
          days: 1,
          left: { unit: 'hour', count: 1 },
        },
        {
          partner: 'R11',
          id: 3,
          expiresAt: '2026-12-06T20:00:00.000Z',
          days: 1,
          left: { unit: 'hour', count: 10 },
        },
        {
          partner: 'CEP02',
          id: 6,
          expiresAt: '2026-12-08T09:59:00.000Z',
          days: 2,
          left: { unit: 'hour', count: 48 },
        },
        {
          partner: 'TPRO1',
          id: 7,
          expiresAt: '2026-12-08T10:00:00.000Z',
          days: 2,
          left: { unit: 'day', count: 2 },
        },
        {
          partner: 'CDC',
          id: 4,
          expiresAt: '2027-01-05T09:59:00.000Z',
          days: 30,
          left: { unit: 'day', count: 30 },
        },
        {
          partner: 'CDC',
          id: 5,
          expiresAt: '2027-01-05T10:00:00.000Z',
          days: 30,
          left: { unit: 'day', count: 30 },
        },
      ],
      withoutEnd: [{ partner: 'OPCOMOBILITES', id: 2 }],
      withoutToken: ['CEP01'],
    })
    expect(tokenLines(state)).toEqual([
      '\ntokens to renew (the command gives the partner a new one):',
      '  AGEFIPH        token #8 expires in less than an hour (2026-12-06 10:30 UTC)  passerelle partners rotate-token --code AGEFIPH --overlap-days 7',
      '  R11            token #3 expires in 10 hours (2026-12-06 20:00 UTC)           passerelle partners rotate-token --code R11 --overlap-days 7',
      '  CEP02          token #6 expires in 48 hours (2026-12-08 09:59 UTC)           passerelle partners rotate-token --code CEP02 --overlap-days 7',
      '  TPRO1          token #7 expires in 2 days (2026-12-08 10:00 UTC)             passerelle partners rotate-token --code TPRO1 --overlap-days 7',
      '  CDC            token #4 expires in 30 days (2027-01-05 09:59 UTC)            passerelle partners rotate-token --code CDC --overlap-days 7',
      '  CDC            token #5 expires in 30 days (2027-01-05 10:00 UTC)            passerelle partners rotate-token --code CDC --overlap-days 7',
      '  OPCOMOBILITES  token #2 has no end (issued before tokens expired)            passerelle partners rotate-token --code OPCOMOBILITES --overlap-days 30',
      '  CEP01          no live token: the partner can neither transmit nor read      passerelle partners rotate-token --code CEP01',
    ])
  })

  it('says nothing when every token has more than 30 days to run', () => {
    const state = tokenState(['R84'], [token('R84', 1, '2027-01-05T10:00:01Z')], now)
    expect(tokenLines(state)).toEqual([])
  })
})

describe('the cross-person declarations of passerelle status', () => {
  it('names per partner how many sharedWith name another person’s record, with the first ones and what to do', () => {
    expect([
      crossPersonLines([]),
      crossPersonLines([
        {
          partner: 'R01',
          count: 450,
          examples: ['R01-A1 → CDC:MCF-1', 'R01-A2 → CDC:MCF-2', 'R01-A3 → CDC:MCF-3'],
        },
        { partner: 'FT', count: 1, examples: ['FT-9 → R84:ARA-1'] },
      ]),
    ]).toEqual([
      [],
      [
        "\nsharedWith naming another person's record (the partner reads the named record and its co-funders': a NIR typo, or a claim on records it has no part in; ask the partner):",
        '  R01                450  e.g. R01-A1 → CDC:MCF-1, R01-A2 → CDC:MCF-2, R01-A3 → CDC:MCF-3, …',
        '  FT                   1  e.g. FT-9 → R84:ARA-1',
      ],
    ])
  })
})

describe('the crowded persons of passerelle status', () => {
  it('names per partner the persons over the matching limit and their dossiers', () => {
    expect([crowdedLines([]), crowdedLines([{ partner: 'OPCO2I', persons: 1, dossiers: 14_000 }])]).toEqual([
      [],
      [
        '\npersons with more than 100 dossiers (a placeholder NIR?): the matching rule does not link their dossiers; ask the partner for the real NIRs:',
        '  partner        persons  dossiers',
        '  OPCO2I               1    14,000',
      ],
    ])
  })
})
