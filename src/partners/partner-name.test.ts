import { describe, expect, it } from 'vitest'
import { MAX_PARTNER_NAME_LENGTH, parsePartnerName, partnerNameError } from './partner-name.ts'

describe('parsePartnerName', () => {
  it('takes one line of 1 to 200 characters, trimmed and in NFC', () => {
    expect([
      parsePartnerName('  Région Auvergne-Rhône-Alpes '),
      parsePartnerName('Re\u0301gion'),
      parsePartnerName('é'.repeat(MAX_PARTNER_NAME_LENGTH)),
    ]).toEqual([
      { ok: true, name: 'Région Auvergne-Rhône-Alpes' },
      { ok: true, name: 'Région' },
      { ok: true, name: 'é'.repeat(MAX_PARTNER_NAME_LENGTH) },
    ])
  })

  it('refuses a line break (it forged a row of partners list), any control character, an empty or too long name', () => {
    expect([
      parsePartnerName('Acme\nR11  REGION'),
      parsePartnerName('Acme\u0007'),
      parsePartnerName('Acme\u2028'),
      parsePartnerName('   '),
      parsePartnerName('x'.repeat(MAX_PARTNER_NAME_LENGTH + 1)),
    ]).toEqual([
      { ok: false, problem: 'it holds a line break (U+000A) at character 5' },
      { ok: false, problem: 'it holds a control character (U+0007) at character 5' },
      { ok: false, problem: 'it holds a line break (U+2028) at character 5' },
      { ok: false, problem: 'it is empty' },
      { ok: false, problem: 'it has 201 characters' },
    ])
  })

  it('says the field, the value escaped and the rule', () => {
    expect(partnerNameError('--name', 'Acme\nR11', 'it holds a line break (U+000A) at character 5')).toBe(
      '--name "Acme\\nR11" is not a partner name (one line of 1 to 200 characters, without control characters): it holds a line break (U+000A) at character 5',
    )
  })
})
