import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CliError, memoryIo } from '../io.ts'
import { auditCommand } from './audit.ts'
import { hierarchySpecs, protectCommand } from './protect.ts'

const cases = new URL('../../../../shared/docs/privacy-cases/', import.meta.url).pathname

/** `protect`'s arguments for the 4 × 4 problem table of the privacy cases, written into `out`. */
const problem4x4 = (out: string) => [
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
]

describe('passerelle protect / audit', () => {
  it('writes every cell with its status and a report, and the audit of the directory passes', async () => {
    const out = mkdtempSync(join(tmpdir(), 'protect-'))
    const { io, stdout } = memoryIo({}, cases)
    const code = await protectCommand.run(problem4x4(out), io)
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

  it('refuses a --hierarchy of a dimension no table has, naming it and the known ones, and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'protect-bad-'))
    writeFileSync(join(dir, 't.csv'), 'region,dispositif,n\nA,CPF,3\n')
    writeFileSync(join(dir, 'h.csv'), 'code,parent\nTotal,\nA,Total\n')
    const { io } = memoryIo({}, dir)
    const run = protectCommand.run(['--table', 't.csv', '--hierarchy', 'regoin=h.csv', '--out', 'out'], io)
    await expect(run).rejects.toThrow(
      new CliError(
        `--hierarchy "regoin=h.csv": no table has a dimension regoin (the tables' dimensions: dispositif, region)\nusage: ${protectCommand.usage}`,
        2,
      ),
    )
    await expect(run).rejects.toMatchObject({ exitCode: 2 })
    expect(existsSync(join(dir, 'out'))).toBe(false)
  })

  it('refuses an --out that is a file before protecting anything (exit 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'protect-bad-'))
    writeFileSync(join(dir, 't.csv'), 'region,n\nA,3\n')
    writeFileSync(join(dir, 'file'), '')
    const run = protectCommand.run(['--table', 't.csv', '--out', 'file'], memoryIo({}, dir).io)
    await expect(run).rejects.toThrow(
      new CliError(
        `--out "file" cannot take the protected tables: ${join(dir, 'file')} is not a directory`,
        2,
      ),
    )
    await expect(run).rejects.toMatchObject({ exitCode: 2 })
  })

  it('audit stopped by the operator (Ctrl-C, SIGTERM) ends with exit code 130 instead of running on', async () => {
    const out = mkdtempSync(join(tmpdir(), 'protect-'))
    const protect = protectCommand.run(problem4x4(out), memoryIo({}, cases).io)
    expect(await protect).toBe(0)
    const { io } = memoryIo({}, out)
    const run = auditCommand.run([out], { ...io, interrupted: AbortSignal.abort() })
    await expect(run).rejects.toThrow(new CliError('interrupted: the audit stopped before its end', 130))
    await expect(run).rejects.toMatchObject({ exitCode: 130 })
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

  it('refuses a table without its count column once, naming the columns it has', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'protect-bad-'))
    writeFileSync(join(dir, 't.csv'), 'region,sexe,effectif\nR1,F,12\nR1,H,2\n')
    const run = protectCommand.run(['--table', 't.csv', '--out', 'out'], memoryIo({}, dir).io)
    await expect(run).rejects.toThrow(
      new CliError(
        [
          'bad input, nothing written:',
          't.csv:1: table/bad-header no column n (the number of persons of each finest cell); the columns are region, sexe, effectif',
        ].join('\n'),
      ),
    )
  })

  it('refuses a primary file’s status and singleton outside their values, and a cell it names that no table has, by line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'protect-bad-'))
    writeFileSync(join(dir, 't.csv'), 'region,sexe,n\nR1,F,12\nR1,H,20\nR2,F,30\nR2,H,25\n')
    writeFileSync(join(dir, 'p.csv'), 'region,sexe,status,singleton\nR2,F,X,\nR1,H,B,oui\nR2,H,A,1\n')
    const bad = protectCommand.run(
      ['--table', 't.csv', '--primary', 'p.csv', '--out', 'out'],
      memoryIo({}, dir).io,
    )
    await expect(bad).rejects.toThrow(
      new CliError(
        [
          'bad input, nothing written:',
          'p.csv:2: table/bad-row status "X" is not A (frequency, the default) or B (dominance)',
          'p.csv:3: table/bad-row singleton "oui" is not true, false, 1 or 0',
        ].join('\n'),
      ),
    )
    writeFileSync(join(dir, 'p.csv'), 'region,sexe,status\nR2,F,A\nR9,F,B\n')
    const unknown = protectCommand.run(
      ['--table', 't.csv', '--primary', 'p.csv', '--out', 'out'],
      memoryIo({}, dir).io,
    )
    await expect(unknown).rejects.toThrow(
      new CliError(
        ['bad input, nothing written:', 'p.csv:3: table/unknown-code no such cell: region=R9,sexe=F'].join(
          '\n',
        ),
      ),
    )
    expect(existsSync(join(dir, 'out'))).toBe(false)
  })

  it('refuses options out of their range, naming the option, the value and the rule', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'protect-bad-'))
    const refusal = async (option: string, value: string) => {
      const run = protectCommand.run(['--table', 't.csv', option, value, '--out', 'o'], memoryIo({}, dir).io)
      return run.then(
        () => 'accepted',
        (e: CliError) => [e.message, e.exitCode],
      )
    }
    expect([
      await refusal('--min-persons', '2.5'),
      await refusal('--min-persons', ''),
      await refusal('--protection', '150'),
      await refusal('--hierarchy', 'region'),
      await refusal('--audit', 'maybe'),
    ]).toEqual([
      ['--min-persons "2.5" is not a whole number of persons', 2],
      ['--min-persons "" is not a whole number of persons', 2],
      ['--protection "150" is not a percentage from 0 to 100', 2],
      ['--hierarchy "region" is not DIM=FILE.csv (a dimension and its hierarchy file)', 2],
      ['--audit "maybe" must be primary, suppressed or none', 2],
    ])
  })

  it('refuses a dimension given two --hierarchy, naming it and both values, before reading either file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'protect-bad-'))
    writeFileSync(join(dir, 't.csv'), 'region,n\nA,30\nB,40\n')
    writeFileSync(join(dir, 'h.csv'), 'code,parent\nTotal,\nA,Total\nB,Total\n')
    // The second file does not exist: the refusal comes before any file is read.
    const args = ['--table', 't.csv', '--hierarchy', 'region=h.csv', '--hierarchy', 'region=h2.csv']
    const run = protectCommand.run([...args, '--out', 'out'], memoryIo({}, dir).io)
    await expect(run).rejects.toThrow(
      new CliError(
        `--hierarchy "region=h2.csv": dimension region already has --hierarchy "region=h.csv" (one hierarchy per dimension)\nusage: ${protectCommand.usage}`,
        2,
      ),
    )
    await expect(run).rejects.toMatchObject({ exitCode: 2 })
    expect(existsSync(join(dir, 'out'))).toBe(false)
  })

  it('reads a --hierarchy file name holding "=" whole: only the first "=" ends the dimension', () => {
    expect([...hierarchySpecs(['region=h=1.csv', 'sexe=s.csv'])]).toEqual([
      ['region', { spec: 'region=h=1.csv', file: 'h=1.csv' }],
      ['sexe', { spec: 'sexe=s.csv', file: 's.csv' }],
    ])
  })

  it('reads a hierarchy’s columns by name, and refuses one without code and parent', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'protect-hier-'))
    writeFileSync(join(dir, 't.csv'), 'region,n\nA,30\nB,40\n')
    writeFileSync(join(dir, 'h.csv'), 'parent,code\n,Total\nTotal,A\nTotal,B\n')
    const { io, stdout } = memoryIo({}, dir)
    const args = ['--table', 't.csv', '--hierarchy', 'region=h.csv', '--out', 'out']
    expect(await protectCommand.run(args, io)).toBe(0)
    expect([stdout, readFileSync(join(dir, 'out', 't.csv'), 'utf8')]).toEqual([
      ['protected 1 table(s): 3 cells, 0 primary, 0 secondary; audit ok'],
      'region,n,status\nTotal,70,V\nA,30,V\nB,40,V\n',
    ])
    writeFileSync(join(dir, 'h.csv'), 'niveau,pere\nTotal,\n')
    await expect(protectCommand.run(args, memoryIo({}, dir).io)).rejects.toThrow(
      "h.csv:1: table/bad-header a hierarchy has the columns code and parent (the root's parent empty); the columns are niveau, pere",
    )
  })

  it('audit says what it takes when given a file, a missing folder or a folder of neither kind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'audit-bad-'))
    writeFileSync(join(dir, 't.csv'), 'region,n\nA,3\n')
    const refusal = (args: string[]) =>
      auditCommand.run(args, memoryIo({}, dir).io).then(
        () => 'accepted',
        (e: CliError) => [e.message, e.exitCode],
      )
    expect([
      await refusal(['t.csv']),
      await refusal(['nowhere']),
      await refusal(['.']),
      await refusal(['.', '--min-protection', '0']),
    ]).toEqual([
      ['t.csv is a file: audit takes the folder that protect or publish wrote', 1],
      ['nowhere: no such folder', 1],
      [
        '. holds neither tables written by passerelle protect (report.json) nor a published release (datasets/<slug>/datapackage.json): nothing to audit',
        1,
      ],
      ['--min-protection "0" is not a number above 0 (persons)', 2],
    ])
  })
})
