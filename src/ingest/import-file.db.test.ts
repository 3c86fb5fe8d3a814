import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dossier, nir15 } from '../../test/fixtures.ts'
import { writeFeed } from '../../test/ndjson-fixture.ts'
import { openTestStore, type TestStore } from '../../test/store.ts'
import { addPartner } from '../partners/partner.repository.ts'
import { IngestError, importFile } from './import-file.ts'
import { createPreparer, type Preparer } from './preparer.ts'
import { unfinishedImports } from './unfinished-imports.repository.ts'

let store: TestStore
beforeAll(async () => {
  store = await openTestStore()
  await addPartner(store.db, { code: 'CDC', name: 'CDC', kind: 'CDC' })
  for (const code of ['OPCO1', 'OPCO2', 'OPCO3', 'OPCO4', 'OPCO5', 'OPCO6'])
    await addPartner(store.db, { code, name: code, kind: 'OPCO' })
})
afterAll(() => store.dispose())

describe('importFile interrupted and run again', () => {
  it('resumes exactly where it stopped after the reader crossed its 1 MiB chunks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'passerelle-resume-'))
    const feed = join(dir, 'feed.ndjson')
    const expected = writeFeed(feed, 4000, 40)
    expect(statSync(feed).size).toBeGreaterThan(3 * 2 ** 20)
    const preparer = await createPreparer('resume-secret', 0)
    const options = {
      partnerCode: 'CDC',
      path: feed,
      rejectsPath: null,
      preparer,
      today: '2026-11-28',
      batchSize: 100,
    }
    // Stopped once more than 2.5 MiB are read: the resume offset lies beyond two chunk boundaries.
    const stop = new AbortController()
    const first = await importFile(store.db, {
      ...options,
      signal: stop.signal,
      onProgress: (p) => {
        if (p.bytesDone > 2.5 * 2 ** 20) stop.abort()
      },
    })
    const second = await importFile(store.db, options)
    await preparer.close()
    expect([first.status, second.status, second.resumed, second.counts, second.rejectedByCode]).toEqual([
      'interrupted',
      'done',
      true,
      {
        records: 4000,
        created: expected.valid,
        updated: 0,
        unchanged: 0,
        stale: 0,
        conflict: 0,
        invalid: expected.invalid,
      },
      { 'code/unknown-dispositif': expected.invalid },
    ])
  })

  describe('writes every rejected line once when resumed with --rejects', () => {
    // Partner OPCO1 imports the feed at once: its rejects file is the reference. OPCO2 and OPCO3
    // are stopped after 300 of its 1,000 lines, then resumed.
    let dir: string
    let feed: string
    let reference: string
    const run = (partnerCode: string, rejectsPath: string | null, stopAt?: number) =>
      importAs(partnerCode, feed, stopAt, rejectsPath, 'resume-secret')
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'passerelle-resume-rejects-'))
      feed = join(dir, 'feed.ndjson')
      writeFeed(feed, 1000, 20)
      reference = join(dir, 'reference.ndjson')
      expect((await run('OPCO1', reference)).status).toBe('done')
      expect(readFileSync(reference, 'utf8').split('\n').length).toBe(51)
    })

    it('when the first run kept no rejects', async () => {
      const rejects = join(dir, 'opco2.ndjson')
      const first = await run('OPCO2', null, 300)
      const second = await run('OPCO2', rejects)
      expect([first.status, second.status, second.resumed]).toEqual(['interrupted', 'done', true])
      expect(readFileSync(rejects, 'utf8')).toBe(readFileSync(reference, 'utf8'))
    })

    it('when the first run wrote them to another file', async () => {
      const before = join(dir, 'opco3-first.ndjson')
      const after = join(dir, 'opco3-second.ndjson')
      expect((await run('OPCO3', before, 300)).status).toBe('interrupted')
      expect((await run('OPCO3', after)).status).toBe('done')
      expect(readFileSync(after, 'utf8')).toBe(readFileSync(reference, 'utf8'))
    })
  })
})

/** Imports `path` as `partnerCode`, stopped once `stopAt` records are in when given. */
async function importAs(
  partnerCode: string,
  path: string,
  stopAt?: number,
  rejectsPath: string | null = null,
  secret = 'utf8-secret',
) {
  const preparer = await createPreparer(secret, 0)
  const stop = new AbortController()
  try {
    return await importFile(store.db, {
      partnerCode,
      path,
      rejectsPath,
      preparer,
      today: '2026-11-28',
      batchSize: 100,
      ...(stopAt === undefined
        ? {}
        : {
            signal: stop.signal,
            onProgress: (p: { records: number }) => {
              if (p.records >= stopAt) stop.abort()
            },
          }),
    })
  } finally {
    await preparer.close()
  }
}

async function transmissionCount(): Promise<number> {
  const row = await store.db
    .selectFrom('transmission')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

describe('importFile and the bytes of its lines', () => {
  it('rejects a line that is not UTF-8 as record/invalid-utf8 and imports the others; a real U+FFFD is text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'passerelle-utf8-'))
    const feed = join(dir, 'feed.ndjson')
    const record = (id: string, nir13: string, birthName: string) =>
      JSON.stringify(dossier({ id, trainee: { nir: nir15(nir13), birthName } }))
    // Line 2 as a Windows-1252 tool writes it: É is one byte, 0xC9.
    const windows1252 = Buffer.from(`${record('W-1', '2850575056049', 'H\u00c9LO\u00cfSE')}\n`, 'latin1')
    writeFileSync(
      feed,
      Buffer.concat([
        Buffer.from(`${record('U-1', '2850575056048', 'DUPONT')}\n`),
        windows1252,
        Buffer.from(`${record('U-2', '2850575056050', 'CAF\uFFFD')}\n`),
      ]),
    )
    const summary = await importAs('OPCO4', feed)
    expect([summary.status, summary.counts, summary.rejectedByCode]).toEqual([
      'done',
      { records: 3, created: 2, updated: 0, unchanged: 0, stale: 0, conflict: 0, invalid: 1 },
      { 'record/invalid-utf8': 1 },
    ])
    const rejected = await store.db
      .selectFrom('rejected_record')
      .select(['position', 'errors'])
      .where('transmission_id', '=', summary.transmissionId)
      .execute()
    const at = windows1252.indexOf(0xc9) + 1
    expect(
      rejected.map((r) => [r.position, typeof r.errors === 'string' ? JSON.parse(r.errors) : r.errors]),
    ).toEqual([
      [
        2,
        [
          {
            path: '',
            code: 'record/invalid-utf8',
            message: `the line is not valid UTF-8 (byte 0xC9 at byte ${at} of the line): the file must be UTF-8; one saved as Windows-1252 or Latin-1 needs converting first (iconv -f WINDOWS-1252 -t UTF-8)`,
          },
        ],
      ],
    ])
  })
})

describe('importFile and what it reads from', () => {
  it('refuses a FIFO or a device (a pipe given as /dev/stdin) before recording any transmission', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'passerelle-fifo-'))
    const fifo = join(dir, 'feed.ndjson')
    execFileSync('mkfifo', [fifo])
    const before = await transmissionCount()
    const refusals = []
    for (const path of [fifo, '/dev/null'])
      refusals.push(await importAs('OPCO5', path).catch((error: unknown) => error))
    expect(refusals).toEqual(
      [fifo, '/dev/null'].map(
        (path) =>
          new IngestError(
            `${path} is not a regular file (a pipe, a FIFO or a device): the import resumes an interrupted file by its byte offset, so it reads a file it can read again; write the stream to a file first (… > feed.ndjson) and import that file; nothing was imported`,
          ),
      ),
    )
    expect(refusals.every((e) => e instanceof IngestError)).toBe(true)
    expect(await transmissionCount()).toBe(before)
  })

  it('refuses a rejects file it cannot write before recording any transmission (nothing left running)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'passerelle-rejects-'))
    const feed = join(dir, 'feed.ndjson')
    writeFeed(feed, 10, 2)
    const before = await transmissionCount()
    const refusal = await importAs('OPCO5', feed, undefined, dir).catch((error: unknown) => error)
    expect([refusal, await transmissionCount()]).toEqual([
      new IngestError(`cannot write the rejects file ${dir} (EISDIR)`),
      before,
    ])
  })

  it('refuses an empty file before recording any transmission', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'passerelle-empty-'))
    const empty = join(dir, 'feed.ndjson')
    writeFileSync(empty, '')
    const before = await transmissionCount()
    const refusal = await importAs('OPCO5', empty).catch((error: unknown) => error)
    expect([refusal, await transmissionCount()]).toEqual([
      new IngestError(`${empty} is empty (0 bytes): nothing was imported; is it the file meant?`),
      before,
    ])
  })

  it('continues an interrupted transmission only with the same file, unchanged: a changed file starts a new one and leaves it unfinished', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'passerelle-changed-'))
    const feed = join(dir, 'feed.ndjson')
    writeFeed(feed, 500, 1000)
    const first = await importAs('OPCO6', feed, 200)
    expect(first.status).toBe('interrupted')
    // The partner sends the file again with one more record: another SHA-256.
    writeFileSync(feed, `${readFileSync(feed, 'utf8')}${JSON.stringify(dossier({ id: 'LATE-1' }))}\n`)
    const second = await importAs('OPCO6', feed)
    const partner = await store.db
      .selectFrom('partner')
      .select('id')
      .where('code', '=', 'OPCO6')
      .executeTakeFirstOrThrow()
    expect([
      second.transmissionId === first.transmissionId,
      second.resumed,
      second.status,
      second.counts.records,
      (await unfinishedImports(store.db, Number(partner.id))).map((u) => [u.transmission, u.status]),
    ]).toEqual([false, false, 'done', 501, [[first.transmissionId, 'interrupted']]])
    expect(second.counts.unchanged).toBeGreaterThanOrEqual(200)
  })
})

describe('importFile batches', () => {
  it('hands the next batch to the preparer before it stores the current one, so that both overlap', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'passerelle-overlap-'))
    const feed = join(dir, 'feed.ndjson')
    writeFeed(feed, 400, 1000)
    const inner = await createPreparer('overlap-secret', 0)
    const events: string[] = []
    let prepared = 0
    const preparer: Preparer = {
      lines: (texts, today) => {
        events.push(`prepare ${++prepared}`)
        return inner.lines(texts, today)
      },
      jsonArray: (body, max, today) => inner.jsonArray(body, max, today),
      close: () => inner.close(),
    }
    const done = await importFile(store.db, {
      partnerCode: 'OPCO5',
      path: feed,
      rejectsPath: null,
      preparer,
      today: '2026-11-28',
      batchSize: 100,
      onProgress: (p) => events.push(`stored ${p.records}`),
    })
    await preparer.close()
    // The last batch is the file's end (no line): it records the offset reached.
    expect([done.status, events]).toEqual([
      'done',
      [
        'prepare 1',
        'prepare 2',
        'stored 100',
        'prepare 3',
        'stored 200',
        'prepare 4',
        'stored 300',
        'prepare 5',
        'stored 400',
        'stored 400',
      ],
    ])
  })
})

describe.skipIf(process.env.PASSERELLE_TEST_STORE !== 'pg')('importFile exclusive, on a server', () => {
  it('refuses a second import of the same file while the first runs, and takes it once that one ended', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'passerelle-exclusive-'))
    const feed = join(dir, 'feed.ndjson')
    writeFeed(feed, 600, 10)
    const preparer = await createPreparer('exclusive-secret', 0)
    const options = {
      partnerCode: 'OPCO6',
      path: feed,
      rejectsPath: null,
      preparer,
      today: '2026-11-28',
      batchSize: 50,
      exclusive: true,
    }
    let second: Promise<unknown> | undefined
    const first = await importFile(store.db, {
      ...options,
      // Started once the first has committed a batch, so while it holds the file.
      onProgress: () => {
        second ??= importFile(store.db, options).then(
          () => 'imported',
          (error: unknown) => (error instanceof IngestError ? error.message : error),
        )
      },
    })
    await preparer.close()
    expect([first.status, await second]).toEqual([
      'done',
      'another passerelle import of feed.ndjson for OPCO6 is under way: wait for it to end, or stop it (Ctrl-C) and run this one again; nothing was imported by this one',
    ])
    const later = await createPreparer('exclusive-secret', 0)
    const again = await importFile(store.db, { ...options, preparer: later })
    await later.close()
    expect(again.alreadyImported).toBe(true)
  })
})
