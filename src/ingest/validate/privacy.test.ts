import { describe, expect, it } from 'vitest'
import { nir13Of } from '../../lib/nir.ts'
import { validateRecord } from './index.ts'
import { failureCases } from './test-cases.ts'
import { baseCep, baseDossier, ctx, type Json, withValue } from './test-fixtures.ts'

/**
 * The invariant: no finding message ever contains a NIR, a name or a date of birth of the input
 * (spec/README.md, "NIR": never in error messages). Messages go back to partners and into logs.
 */

const PERSONAL = ['nir', 'birthName', 'firstNames', 'usualName', 'birthDate'] as const

/** The personal strings of a raw record's person, as sent (any type), plus NIR13 of a NIR. */
function secretsOf(raw: Json): string[] {
  const person = (raw.trainee ?? raw.beneficiary) as unknown
  if (typeof person === 'string') return [person]
  if (typeof person !== 'object' || person === null) return []
  const secrets: string[] = []
  for (const [key, value] of Object.entries(person)) {
    if (!(PERSONAL as readonly string[]).includes(key) && key !== 'nirKey') continue
    const text = typeof value === 'string' ? value : JSON.stringify(value)
    secrets.push(text)
    if (key === 'nir' && typeof value === 'string') secrets.push(nir13Of(value))
  }
  return secrets.filter((s) => s.length >= 4)
}

function messagesOf(raw: Json): string[] {
  const result = validateRecord(raw, ctx)
  return result.ok ? [] : result.errors.map((e) => e.message)
}

/** Bad values of every personal field, each carrying a NIR or a name the message must not show. */
const badValues = [
  '2850575056048',
  '285057505604816',
  '285057505604899',
  '2850575056048161',
  'X850575056048',
  'DUPONT',
  'DUPONT'.repeat(30),
  '1985-05-14',
  '1985-02-30',
  '1850-05-14',
  '2090-05-14',
  2850575056048,
  ['DUPONT Marie'],
  { nir: '2850575056048' },
]

describe('no message contains personal data', () => {
  it.each(failureCases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const secrets = [...secretsOf(c.raw), 'DUPONT', 'Marie', '2850575056048', '1985-05-14']
    const result = validateRecord(c.raw, c.ctx ?? ctx)
    const messages = result.ok ? [] : result.errors.map((e) => e.message)
    for (const message of messages) for (const secret of secrets) expect(message).not.toContain(secret)
  })

  for (const [base, person] of [
    [baseDossier(), '/trainee'],
    [baseCep(), '/beneficiary'],
  ] as const) {
    it(`sweeps bad values over every personal field of ${person}`, () => {
      let scanned = 0
      for (const field of [...PERSONAL, 'nirKey']) {
        for (const value of badValues) {
          const raw = withValue(base, `${person}/${field}`, value)
          const messages = messagesOf(raw)
          scanned += messages.length
          const secrets = [...secretsOf(raw), 'DUPONT', '2850575056048', '1985-05-14']
          for (const message of messages) for (const secret of secrets) expect(message).not.toContain(secret)
        }
      }
      expect(scanned).toBeGreaterThan(40)
    })
  }

  it('does not echo a person given whole as another type', () => {
    for (const value of ['DUPONT Marie 2850575056048', ['2850575056048'], 2850575056048]) {
      for (const message of messagesOf(withValue(baseDossier(), '/trainee', value))) {
        expect(message).not.toMatch(/DUPONT|2850575056048/)
      }
    }
  })

  it('masks a NIR typed into a field that is not personal, or given as a property name, in the message and the path', () => {
    const nir = '185057800608436'
    const raws = [
      withValue(baseDossier(), '/statusAtEntry', nir),
      withValue(baseDossier(), '/training/placeCommune', nir),
      withValue(baseDossier(), `/training/${nir}`, 'x'),
    ]
    const findings = raws.flatMap((raw) => {
      const result = validateRecord(raw, ctx)
      return result.ok ? [] : result.errors
    })
    expect(findings.length).toBeGreaterThanOrEqual(3)
    expect(findings.filter((f) => `${f.path} ${f.message}`.includes(nir.slice(0, 13)))).toEqual([])
    expect(findings.filter((f) => `${f.path} ${f.message}`.includes('[NIR]')).length).toBeGreaterThanOrEqual(
      3,
    )
  })

  it('does not echo a record that is a bare string', () => {
    const result = validateRecord('2850575056048 DUPONT', ctx)
    expect(result.ok ? '' : result.errors[0]?.message).toBe('record must be an object (got a string)')
  })
})
