import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { type CliError, memoryIo } from '../io.ts'
import { serveCommand, siteFolder } from './serve.ts'

describe('passerelle serve --site', () => {
  it('refuses a file, a missing folder or an empty value before opening the hub (exit 2, naming the option, the value and the rule)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'serve-site-'))
    writeFileSync(join(dir, 'index.html'), '<!doctype html>')
    const data = join(dir, 'data')
    const refusal = (site: string) =>
      serveCommand.run(['--site', site, '--port', '0'], memoryIo({ PASSERELLE_DATA: data }, dir).io).then(
        () => 'accepted',
        (e: CliError) => [e.message, e.exitCode],
      )
    const rule = (site: string) =>
      `--site "${site}" must be a published folder (what passerelle publish writes)`
    expect([
      await refusal('index.html'),
      await refusal('public'),
      await refusal('index.html/public'),
      await refusal(' '),
    ]).toEqual([
      [`${rule('index.html')}: ${join(dir, 'index.html')} is not a directory`, 2],
      [`${rule('public')}: ${join(dir, 'public')} does not exist`, 2],
      [`${rule('index.html/public')}: ${join(dir, 'index.html')} is not a directory`, 2],
      [`${rule(' ')}: it is empty`, 2],
    ])
    // Refused before the hub was opened (nor its secret asked for): no store was made.
    expect(existsSync(data)).toBe(false)
  })

  it('takes a folder, relative to the working directory or absolute, read-only too (it is only read)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'serve-site-'))
    mkdirSync(join(dir, 'public'))
    mkdirSync(join(dir, 'read-only'), { mode: 0o555 })
    expect([
      siteFolder(dir, 'public'),
      siteFolder(dir, join(dir, 'public')),
      siteFolder(dir, 'read-only'),
    ]).toEqual([join(dir, 'public'), join(dir, 'public'), join(dir, 'read-only')])
  })
})
