import { describe, expect, it } from 'vitest'
import { feedLine, flagLines, unfinishedLines } from './status.ts'

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
  it('name each with its progress and what to do, none when every import ended', () => {
    const started = new Date('2026-12-06T07:00:30Z')
    expect(
      unfinishedLines([
        {
          partner: 'OPCOMOBILITES',
          transmission: 7,
          file: 'feed.ndjson',
          status: 'interrupted',
          startedAt: started,
          bytesDone: 450,
          bytesTotal: 1000,
          lines: 1200,
        },
        {
          partner: 'CDC',
          transmission: 12,
          file: 'cdc-2026-11.ndjson',
          status: 'running',
          startedAt: started,
          bytesDone: 0,
          bytesTotal: 0,
          lines: 0,
        },
      ]),
    ).toEqual([
      '\nfile imports not finished (the same passerelle import run again continues where it stopped):',
      '  OPCOMOBILITES  feed.ndjson         transmission 7   started 2026-12-06 07:00 UTC  1,200 lines in (45 % of the file)  interrupted',
      '  CDC            cdc-2026-11.ndjson  transmission 12  started 2026-12-06 07:00 UTC  0 lines in                         running, or stopped without a word (kill -9, crash)',
    ])
    expect(unfinishedLines([])).toEqual([])
  })
})
