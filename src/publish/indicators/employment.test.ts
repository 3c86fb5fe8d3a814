import { describe, expect, it } from 'vitest'
import { type Contract, coveringContract, employmentOutcome } from './employment.ts'

const exit = '2024-01-31'
const asOf = '2026-09-30'
const at6 = (contracts: Contract[], trainings: { entry: string; exit: string | null }[] = [], on = asOf) =>
  employmentOutcome(exit, 6, contracts, trainings, on)

describe('employment outcomes (spec: "Employment outcomes (from dsn)")', () => {
  it('counts a CDI covering exit + 6 months as salaried and lasting, and as access when it started in the window', () => {
    expect(at6([{ type: 'CDI', start: '2024-03-01', end: null }])).toEqual({
      known: true,
      salaried: true,
      lasting: true,
      access: true,
      situation: 'emploi',
    })
  })

  it('measures exit + 6 months to the last day of a shorter month (31 January → 31 July)', () => {
    expect(at6([{ type: 'CDI', start: '2024-02-01', end: '2024-07-31' }])).toMatchObject({ salaried: true })
    expect(at6([{ type: 'CDI', start: '2024-02-01', end: '2024-07-30' }])).toMatchObject({ salaried: false })
  })

  it('counts a CDD or interim as lasting only from 6 months of length', () => {
    expect(at6([{ type: 'CDD', start: '2024-02-01', end: '2024-07-31' }])).toMatchObject({
      salaried: true,
      lasting: true,
    })
    expect(at6([{ type: 'CDD', start: '2024-02-02', end: '2024-07-31' }])).toMatchObject({
      salaried: true,
      lasting: false,
    })
    expect(at6([{ type: 'INTERIM', start: '2024-05-01', end: '2024-08-31' }])).toMatchObject({
      salaried: true,
      lasting: false,
    })
    expect(at6([{ type: 'APPRENTISSAGE', start: '2023-09-01', end: '2025-08-31' }])).toMatchObject({
      salaried: true,
      lasting: false,
    })
  })

  it('takes the CDI first, else the longest, when several contracts cover the date', () => {
    const interim: Contract = { type: 'INTERIM', start: '2024-07-01', end: '2024-08-15' }
    const cdd: Contract = { type: 'CDD', start: '2024-03-01', end: '2024-12-31' }
    const cdi: Contract = { type: 'CDI', start: '2024-07-30', end: null }
    expect(coveringContract([interim, cdd], '2024-07-31', asOf)).toBe(cdd)
    expect(coveringContract([interim, cdd, cdi], '2024-07-31', asOf)).toBe(cdi)
    expect(at6([interim, cdd])).toMatchObject({ lasting: true })
  })

  it('measures a running contract up to the date of the data', () => {
    const running: Contract = { type: 'CDD', start: '2024-07-01', end: null }
    expect(employmentOutcome(exit, 6, [running], [], '2024-09-30')).toMatchObject({
      salaried: true,
      lasting: false,
    })
    expect(employmentOutcome(exit, 6, [running], [], '2025-01-01')).toMatchObject({
      salaried: true,
      lasting: true,
    })
  })

  it('counts access only for a contract of at least 1 month starting between the exit and exit + 6 months', () => {
    expect(at6([{ type: 'CDD', start: '2024-01-31', end: '2024-02-29' }])).toMatchObject({
      access: true,
      salaried: false,
    })
    expect(at6([{ type: 'CDD', start: '2024-02-01', end: '2024-02-28' }])).toMatchObject({ access: false })
    expect(at6([{ type: 'CDD', start: '2024-01-30', end: '2024-12-31' }])).toMatchObject({
      access: false,
      salaried: true,
    })
    expect(at6([{ type: 'CDD', start: '2024-08-01', end: '2024-12-31' }])).toMatchObject({ access: false })
  })

  it('counts a person in another training at exit + 6 months apart, not as without a job', () => {
    expect(at6([], [{ entry: '2024-06-01', exit: null }])).toMatchObject({
      salaried: false,
      situation: 'en_formation',
    })
    expect(at6([], [{ entry: '2024-06-01', exit: '2024-07-30' }])).toMatchObject({
      situation: 'sans_emploi_salarie',
    })
    expect(
      at6([{ type: 'CDI', start: '2024-03-01', end: null }], [{ entry: '2024-06-01', exit: null }]),
    ).toMatchObject({ situation: 'emploi' })
  })

  it('is not known before exit + horizon has passed', () => {
    expect(employmentOutcome(exit, 12, [], [], '2025-01-30')).toEqual({ known: false })
    expect(employmentOutcome(exit, 12, [], [], '2025-01-31')).toEqual({
      known: true,
      salaried: false,
      lasting: false,
      access: false,
      situation: 'sans_emploi_salarie',
    })
  })
})
