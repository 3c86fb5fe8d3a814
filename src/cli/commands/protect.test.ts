import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CliError, memoryIo } from '../io.ts'
import { auditCommand } from './audit.ts'
import { protectCommand } from './protect.ts'

const cases = new URL('../../../../shared/docs/privacy-cases/', import.meta.url).pathname

describe('passerelle protect / audit', () => {
  it('writes every cell with its status and a report, and the audit of the directory passes', async () => {
    const out = mkdtempSync(join(tmpdir(), 'protect-'))
    const { io, stdout } = memoryIo({}, cases)
    const code = await protectCommand.run(
      [
        '--table',
        'sdctable_problemdata_4x4.csv',
        '--hierarchy',
        'v1=hier_v1_wxyz.csv',
        '--hierarchy',
        'v2=hier_v2_abcd.csv',
        '--min-persons',
        '0',
        '--primary',
        'sdctable_problemdata_4x4_primary.csv',
        '--out',
        out,
      ],
      io,
    )
    expect(code).toBe(0)
    expect(stdout.join('\n')).toContain('audit ok')
    const lines = readFileSync(join(out, 'sdctable_problemdata_4x4.csv'), 'utf8').trim().split('\n')
    expect(lines[0]).toBe('v1,v2,n,status')
    expect(lines).toHaveLength(26)
    expect(lines).toContain('w,b,,A')
    expect(lines).toContain('tot,tot,3943,V')
    const audit = memoryIo({}, out)
    expect(await auditCommand.run([out], audit.io)).toBe(0)
    expect(audit.stdout.join('')).toContain('0 unprotected')
  })

  it('refuses a code missing from its hierarchy, naming file, line and value, and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'protect-bad-'))
    writeFileSync(join(dir, 't.csv'), 'region,n\nA,3\nQ,4\n')
    writeFileSync(join(dir, 'h.csv'), 'code,parent\nTotal,\nA,Total\n')
    const { io } = memoryIo({}, dir)
    const run = protectCommand.run(['--table', 't.csv', '--hierarchy', 'region=h.csv', '--out', 'out'], io)
    await expect(run).rejects.toThrow(CliError)
    await expect(run).rejects.toThrow('t.csv:3: table/unknown-code unknown code in region: Q')
    expect(existsSync(join(dir, 'out'))).toBe(false)
  })

  it('refuses negative and non-integer counts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'protect-bad-'))
    writeFileSync(join(dir, 't.csv'), 'region,n\nA,-3\nB,2.5\nC,abc\nD,\n')
    const { io } = memoryIo({}, dir)
    const run = protectCommand.run(['--table', 't.csv', '--out', 'out'], io)
    await expect(run).rejects.toThrow(
      new CliError(
        [
          'bad input, nothing written:',
          't.csv:2: table/negative-count negative n: -3',
          't.csv:3: table/non-integer-count n is not an integer: "2.5"',
          't.csv:4: table/non-integer-count n is not an integer: "abc"',
          't.csv:5: table/non-integer-count n is not an integer: ""',
        ].join('\n'),
      ),
    )
  })

  it('refuses a cycle and linked tables whose common margins disagree', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'protect-bad-'))
    writeFileSync(join(dir, 'h.csv'), 'code,parent\nTotal,\nA,B\nB,A\n')
    writeFileSync(join(dir, 't.csv'), 'region,n\nA,3\n')
    const cycle = protectCommand.run(
      ['--table', 't.csv', '--hierarchy', 'region=h.csv', '--out', 'o'],
      memoryIo({}, dir).io,
    )
    await expect(cycle).rejects.toThrow('table/cycle')
    writeFileSync(join(dir, 't1.csv'), 'region,n\nA,3\nB,4\n')
    writeFileSync(join(dir, 't2.csv'), 'region,sex,n\nA,F,3\nB,F,5\n')
    const linked = protectCommand.run(
      ['--table', 't1.csv', '--table', 't2.csv', '--out', 'o'],
      memoryIo({}, dir).io,
    )
    await expect(linked).rejects.toThrow('table/margins-disagree')
  })
})
