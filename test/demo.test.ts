import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { withPartner } from '../src/access/partner-tx.ts'
import { readSourcesShown } from '../src/access/record-sources.ts'
import { summariesShown } from '../src/access/summaries.ts'
import { recordDemoRelease } from '../src/cli/demo-release.ts'
import { demoWatermark } from '../src/cli/demo-watermark.ts'
import { memoryIo } from '../src/cli/io.ts'
import { main } from '../src/cli/main.ts'
import { openEmbeddedStore } from '../src/db/connect.ts'

describe('passerelle demo', () => {
  it('generates, creates partners, loads referentials, imports every feed and prints the tokens', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'passerelle-demo-'))
    const { io, stdout, stderr } = memoryIo({}, cwd)
    expect(await main(['demo', '--dossiers', '400', '--no-serve', '--no-publish'], io)).toBe(0)
    const text = stdout.join('\n')
    // The import's summary says what it is: the data imported, not the demo ready.
    const imported = text.match(
      /^Passerelle demo data imported in (?:\d+m)?\d+s: ([\d,]+) records received: ([\d,]+) accepted, ([\d,]+) unchanged \(sent again as they were\), ([1-9][\d,]*) rejected\.$/m,
    )
    // Every record received is in exactly one of the three.
    const [received, accepted, unchanged, rejected] = (imported ?? [])
      .slice(1)
      .map((n) => Number(n.replaceAll(',', '')))
    expect(received).toBe((accepted ?? 0) + (unchanged ?? 0) + (rejected ?? 0))
    expect(unchanged).toBeGreaterThan(0)
    // Each token with its end, as the hub has it.
    const tokenLine = /^ {2}[A-Z0-9_]+ +psl_[\w-]{43} +valid until \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/
    expect(stdout.filter((l) => tokenLine.test(l))).toHaveLength(37)
    expect(stderr.find((l) => l.startsWith('referential sngi: '))).toMatch(
      /^referential sngi: [\d,]+ rows, dossiers certified as they are imported$/,
    )
    // Codes of any length keep the columns aligned.
    const imports = stderr.filter((l) => l.startsWith('import '))
    expect(new Set(imports.map((l) => l.indexOf(' records,'))).size).toBe(1)
    expect(readFileSync(join(cwd, '.passerelle', 'secret'), 'utf8')).toMatch(/^[0-9a-f]{64}\n$/)
    // Every partner's dashboard and quality summary is ready for its first view.
    expect(stderr.some((l) => /^partner area summaries: \d/.test(l))).toBe(true)
    // "Ready" comes last, once nothing is left to do but serve.
    expect(stdout.at(-1)).toMatch(
      /^\nPasserelle demo ready in (?:\d+m)?\d+s \(not published: --no-publish\); to serve it: passerelle demo --dossiers 400 --no-publish \(what is done already is not done again\)$/,
    )
    // Every partner has the summaries its partner area shows it (the kinds grow with the area),
    // and only those: the dossier dashboard, the CEP one, the quality view.
    const summaries = await openEmbeddedStore(join(cwd, '.passerelle', 'pgdata'))
    const partners = await summaries.db.selectFrom('partner').select(['id', 'code']).orderBy('code').execute()
    const stored = await summaries.db
      .selectFrom('partner_summary')
      .select(['partner_id', 'kind'])
      .orderBy('kind')
      .execute()
    const kinds = async (id: number) => [
      [...summariesShown(await withPartner(summaries.db, id, readSourcesShown))].sort(),
      stored.filter((r) => r.partner_id === id).map((r) => r.kind),
    ]
    const shown = await Promise.all(partners.map((p) => kinds(p.id)))
    await summaries.close()
    expect(partners).toHaveLength(37)
    expect(shown.filter(([expected, found]) => expected!.join() !== found!.join())).toEqual([])
    expect(shown.every(([expected]) => expected!.includes('quality'))).toBe(true)
    // The credentials it printed are kept beside the secret, readable by their owner only.
    const credentialsFile = join(cwd, '.passerelle', 'demo-credentials.json')
    expect(statSync(credentialsFile).mode & 0o777).toBe(0o600)
    expect(stdout).toContain(
      `Kept in ${credentialsFile} (readable by you only): the next run prints them again.`,
    )

    // Running it again reuses the data, imports nothing twice and prints the same credentials.
    const again = memoryIo({}, cwd)
    expect(await main(['demo', '--dossiers', '400', '--no-serve', '--no-publish'], again.io)).toBe(0)
    expect(
      again.stderr
        .filter((l) => l.startsWith('import '))
        .every((l) => l.endsWith('(already imported)') || l.endsWith('(no record generated)')),
    ).toBe(true)
    expect(again.stdout.find((l) => l.startsWith('\nPasserelle demo data imported'))).toMatch(
      / rejected \(every feed by an earlier run: nothing new\)\.$/,
    )
    const credentials = (lines: string[]) => lines.filter((l) => l.startsWith('  '))
    expect(credentials(stdout)).toHaveLength(2 * 37)
    expect(credentials(again.stdout)).toEqual(credentials(stdout))
    expect(again.stdout.filter((l) => l.startsWith('Partner '))).toEqual([
      "Partner tokens (use as Authorization: Bearer <token>; the same as the last run's):",
      "Partner area sign-in (http://localhost:8080/espace-partenaire/), e-mail and password (the same as the last run's):",
    ])

    // A release the demo recorded, published from what the hub holds now, is not published again.
    const hub = join(cwd, '.passerelle')
    const out = join(hub, 'public')
    mkdirSync(join(out, 'releases', '2026-12-07'), { recursive: true })
    for (const file of ['release.json', 'audit.json'])
      writeFileSync(join(out, 'releases', '2026-12-07', file), '{}\n')
    const { until } = JSON.parse(readFileSync(join(hub, 'demo', '400-1', 'manifest.json'), 'utf8'))
      .options as { until: string }
    const asOf = [until, new Date().toISOString().slice(0, 10)].sort()[0]!
    const store = await openEmbeddedStore(join(hub, 'pgdata'))
    await recordDemoRelease(hub, out, '2026-12-07', await demoWatermark(store.db, { asOf }))
    await store.close()
    const third = memoryIo({ PASSERELLE_DATA: '.passerelle' }, cwd)
    expect(await main(['demo', '--dossiers', '400', '--no-serve'], third.io)).toBe(0)
    expect(third.stdout.filter((l) => /^(Nothing changed|Publishing|Published)/.test(l))).toEqual([
      `Nothing changed since the release of 2026-12-07 in ${out} (no record accepted, no referential loaded, the same code, datasets and data date): not published again (to publish anyway: PASSERELLE_DATA=.passerelle passerelle publish --as-of ${asOf})`,
    ])
    expect(third.stderr.some((l) => l.startsWith('publish '))).toBe(false)
    // The referentials the first run loaded are not loaded again: their load time is the watermark's.
    expect(
      third.stderr.filter((l) => l.startsWith('referential ')).every((l) => l.endsWith(' (already loaded)')),
    ).toBe(true)
    expect(credentials(third.stdout)).toEqual(credentials(stdout))
    expect(third.stdout.at(-1)).toMatch(
      new RegExp(
        `^\\nPasserelle demo ready in (?:\\d+m)?\\d+s: the site of the release of 2026-12-07 in ${out}; to serve it: PASSERELLE_DATA=.passerelle passerelle demo --dossiers 400 \\(what is done already is not done again\\)$`,
      ),
    )

    // An account the operator disabled stays disabled, even when every credential is renewed.
    const [code, email] = credentials(stdout).at(-1)!.trim().split(/ +/)
    expect(await main(['users', 'disable', '--email', email!], memoryIo({}, cwd).io)).toBe(0)
    const renewed = memoryIo({}, cwd)
    expect(
      await main(
        ['demo', '--dossiers', '400', '--no-serve', '--no-publish', '--new-credentials'],
        renewed.io,
      ),
    ).toBe(0)
    expect(renewed.stdout.filter((l) => /^(Partner |account )/.test(l))).toEqual([
      "Partner tokens (use as Authorization: Bearer <token>; new (--new-credentials): the last run's no longer work):",
      "Partner area sign-in (http://localhost:8080/espace-partenaire/), e-mail and password (new (--new-credentials): the last run's no longer work):",
      `account ${email} disabled by the operator: not re-enabled; \`passerelle users enable --email ${email}\` to use it`,
    ])
    // The secret of a line: its token, or its password.
    const secret = (line: string) => {
      const [, value, password] = line.trim().split(/ +/)
      return value?.startsWith('psl_') ? value : password
    }
    const before = new Set(credentials(stdout).map(secret))
    const after = credentials(renewed.stdout)
    expect(after).toHaveLength(37 + 36)
    expect(after.filter((l) => before.has(secret(l)))).toEqual([])
    expect(after.some((l) => l.trim().startsWith(`${code} `) && l.includes('@'))).toBe(false)
    const listed = memoryIo({}, cwd)
    expect(await main(['users', 'list', '--partner', code!], listed.io)).toBe(0)
    expect(listed.stdout[1]).toMatch(new RegExp(`^${code} +disabled +never +${email}$`))
  })

  it('serves the API and the partner area while it publishes, says so at the site, and stops both on Ctrl-C', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'passerelle-demo-serving-'))
    const controller = new AbortController()
    const { io, stdout, stderr } = memoryIo({}, cwd)
    let seen: unknown[] = []
    let url = ''
    let checked: Promise<void> = Promise.resolve()
    // As the newcomer would: the addresses printed, tried at once; then Ctrl-C, still publishing.
    const during = async () => {
      const [site, health] = await Promise.all([fetch(`${url}/`), fetch(`${url}/api/v1/health`)])
      seen = [
        site.status,
        site.headers.get('retry-after'),
        (await site.text()).includes('<h1>Publication en cours</h1>'),
        health.status,
      ]
    }
    const out = (text: string) => {
      io.out(text)
      const serving = /^\nPasserelle demo serving in \S+: (http:\/\/localhost:\d+)\/api\/v1 /.exec(text)
      if (!serving) return
      url = serving[1]!
      checked = during().finally(() => controller.abort())
    }
    const code = await main(['demo', '--dossiers', '400', '--port', '0'], {
      ...io,
      out,
      interrupted: controller.signal,
    })
    await checked
    const said = stdout
      .map((line) => line.trim())
      .filter((line) => /^(Publishing|Partner tokens|Passerelle demo (serving|ready)|Published)/.test(line))
      .map((line) => line.split(/[ :(]/).slice(0, 3).join(' '))
    const afterwards = await fetch(`${url}/api/v1/health`).then(
      (r) => r.status,
      () => 'refused',
    )
    expect([code, seen, said, afterwards, stderr.at(-1)]).toEqual([
      130,
      [503, '15', true, 200],
      ['Publishing the datasets', 'Partner tokens ', 'Passerelle demo serving'],
      'refused',
      'passerelle demo: interrupted while publishing, nothing written; run the demo again to publish',
    ])
  })

  it('refuses a hub it did not make, before writing anything into its folder', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'passerelle-demo-'))
    const env = { PASSERELLE_SECRET: 'the-operators-secret' }
    const made = memoryIo(env, cwd)
    expect(
      await main(['partners', 'add', '--code', 'R84', '--name', 'Région', '--kind', 'REGION'], made.io),
    ).toBe(0)
    for (const secret of [{}, env]) {
      const { io, stderr } = memoryIo(secret, cwd)
      expect(await main(['demo', '--dossiers', '50', '--no-serve', '--no-publish'], io)).toBe(1)
      expect(stderr).toEqual([
        'passerelle demo: passerelle demo adds synthetic partners, records and referentials to the hub it opens, and this hub was not made by a demo: give the demo a data folder of its own (PASSERELLE_DATA=./demo-data npm start) (hub/not-a-demo)',
      ])
    }
    expect(existsSync(join(cwd, '.passerelle', 'secret'))).toBe(false)
    expect(existsSync(join(cwd, '.passerelle', 'demo'))).toBe(false)
  })

  it("makes every other command refuse a secret that is not the demo's", async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'passerelle-demo-'))
    expect(await main(['demo', '--dossiers', '50', '--no-serve', '--no-publish'], memoryIo({}, cwd).io)).toBe(
      0,
    )
    const { io, stderr } = memoryIo({ PASSERELLE_SECRET: 'another' }, cwd)
    expect(await main(['status'], io)).toBe(1)
    expect(stderr.join('\n')).toMatch(
      /^passerelle status: PASSERELLE_SECRET is not the one this hub was made with: .* \(hub\/secret-mismatch\)$/,
    )
    const secret = readFileSync(join(cwd, '.passerelle', 'secret'), 'utf8').trim()
    expect(await main(['status'], memoryIo({ PASSERELLE_SECRET: secret }, cwd).io)).toBe(0)
  })
})
