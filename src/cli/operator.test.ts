import { describe, expect, it } from 'vitest'
import { CliError } from './io.ts'
import { operatorName } from './operator.ts'

const system = { user: () => 'ops', host: () => 'hub-1' }

describe('operatorName', () => {
  it('is PASSERELLE_OPERATOR when it is set, trimmed', () => {
    expect(operatorName({ PASSERELLE_OPERATOR: '  Camille Martin  ' }, system)).toBe('Camille Martin')
  })

  it('is user@host of the process when PASSERELLE_OPERATOR is unset or blank', () => {
    expect([operatorName({}, system), operatorName({ PASSERELLE_OPERATOR: ' ' }, system)]).toEqual([
      'ops@hub-1',
      'ops@hub-1',
    ])
  })

  it('takes USER, then LOGNAME, when the system has no name for the process user', () => {
    const nameless = { user: () => '', host: () => 'hub-1' }
    expect([
      operatorName({ USER: 'camille' }, nameless),
      operatorName({ LOGNAME: 'lea' }, nameless),
      operatorName({}, nameless),
    ]).toEqual(['camille@hub-1', 'lea@hub-1', 'unknown@hub-1'])
  })

  it('refuses a name with a tab or a newline, which would forge columns or lines of the log', () => {
    for (const name of ['a\tb', 'a\nb'])
      expect(() => operatorName({ PASSERELLE_OPERATOR: name }, system)).toThrow(
        new CliError(
          'PASSERELLE_OPERATOR must be at most 200 characters without tabs, newlines or other control characters (it names you in passerelle operator-log)',
          2,
        ),
      )
  })

  it('refuses a name longer than 200 characters', () => {
    expect(() => operatorName({ PASSERELLE_OPERATOR: 'x'.repeat(201) }, system)).toThrow(/at most 200/)
  })
})
