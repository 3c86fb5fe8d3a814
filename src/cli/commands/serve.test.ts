import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { type CliError, memoryIo } from '../io.ts'
import { listenError, portOption, serveCommand, siteFolder } from './serve.ts'

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

describe('the port and the address', () => {
  it('takes --port, else PORT, else 8080, and names the one that is not a port', () => {
    const refusal = (option: string | undefined, env: Record<string, string>) => {
      try {
        return portOption(option, env)
      } catch (error) {
        return [(error as CliError).message, (error as CliError).exitCode]
      }
    }
    expect([
      refusal('8081', { PORT: '9000' }),
      refusal(undefined, { PORT: '9000' }),
      refusal(undefined, {}),
      refusal(undefined, { PORT: 'abc' }),
      refusal('70000', {}),
      refusal(' ', {}),
    ]).toEqual([
      8081,
      9000,
      8080,
      ['PORT "abc" is not a port number (0–65535)', 2],
      ['--port "70000" is not a port number (0–65535)', 2],
      ['--port " " is not a port number (0–65535)', 2],
    ])
  })

  it('says what to do when it cannot listen: a port taken, a host of no address (exit 2, not a stack)', () => {
    const told = (code: string, host: string, port: number) => {
      const error = listenError(Object.assign(new Error(code), { code }), host, port) as CliError
      return [error.message, error.exitCode]
    }
    expect([told('EADDRINUSE', '0.0.0.0', 8080), told('ENOTFOUND', '999.1.1.1', 8080)]).toEqual([
      [
        'port 8080 on 0.0.0.0 is taken by another program: stop it, or choose another with --port (or PORT)',
        2,
      ],
      [
        '--host "999.1.1.1" is not an address of this machine (ENOTFOUND): give one, e.g. 127.0.0.1 or 0.0.0.0',
        2,
      ],
    ])
  })
})
