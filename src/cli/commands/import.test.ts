import { existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { memoryIo } from '../io.ts'
import { main } from '../main.ts'

describe('passerelle import --rejects', () => {
  it('refuses the file being imported, under its name or another, before it touches either', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'passerelle-rejects-'))
    const feed = join(dir, 'feed.ndjson')
    writeFileSync(feed, '{"type":"dossier"}\n')
    linkSync(feed, join(dir, 'link.ndjson'))
    const env = {
      PASSERELLE_DATA: join(dir, 'data'),
      PASSERELLE_SECRET: 'a-test-secret-of-at-least-32-characters!!',
    }
    const answers = []
    for (const rejects of ['feed.ndjson', 'link.ndjson']) {
      const { io, stderr } = memoryIo(env, dir)
      answers.push([
        await main(['import', '--partner', 'CDC', 'feed.ndjson', '--rejects', rejects], io),
        stderr.join('\n'),
      ])
    }
    expect(answers).toEqual(
      ['feed.ndjson', 'link.ndjson'].map((name) => [
        2,
        expect.stringContaining(
          `--rejects ${name} is the file being imported: writing the rejected lines would erase it`,
        ),
      ]),
    )
    expect(readFileSync(feed, 'utf8')).toBe('{"type":"dossier"}\n')
  })

  it('refuses a rejects file whose folder does not exist, or a folder, before the hub is opened (exit 2), creating nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'passerelle-rejects-'))
    writeFileSync(join(dir, 'feed.ndjson'), '{"type":"dossier"}\n')
    mkdirSync(join(dir, 'out'))
    const env = {
      PASSERELLE_DATA: join(dir, 'data'),
      PASSERELLE_SECRET: 'a-test-secret-of-at-least-32-characters!!',
    }
    const answers = []
    for (const rejects of ['nonexistent/dir/x.ndjson', 'out', '']) {
      const { io, stdout, stderr } = memoryIo(env, dir)
      const code = await main(['import', '--partner', 'CDC', 'feed.ndjson', '--rejects', rejects], io)
      answers.push({ code, stdout, stderr })
    }
    expect(answers).toEqual([
      {
        code: 2,
        stdout: [],
        stderr: [
          `passerelle import: --rejects "nonexistent/dir/x.ndjson" must be a file in an existing folder: ${join(dir, 'nonexistent', 'dir')} does not exist (create the folder first, or give another path)`,
        ],
      },
      {
        code: 2,
        stdout: [],
        stderr: [
          `passerelle import: --rejects "out" must be a file in an existing folder: ${join(dir, 'out')} is a directory`,
        ],
      },
      {
        code: 2,
        stdout: [],
        // It ran without a rejects file.
        stderr: ['passerelle import: --rejects "" must be a file in an existing folder: it is empty'],
      },
    ])
    expect([existsSync(join(dir, 'nonexistent')), existsSync(join(dir, 'data'))]).toEqual([false, false])
  })
})
