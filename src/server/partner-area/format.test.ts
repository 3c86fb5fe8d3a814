import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  EXIT_REASON_LABELS,
  frDate,
  frDateTime,
  frMonth,
  isoFromFrDate,
  label,
  plural,
  STATUS_AT_ENTRY_LABELS,
  STATUS_LABELS,
  timeElement,
} from './format.ts'

describe('partner-area formats', () => {
  it('read a date typed the French way, JJ/MM/AAAA, as ISO, and leave anything else for the search to judge', () => {
    expect(
      ['05/06/2023', '5/6/2023', ' 05/06/2023 ', '2023-06-05', '31/02/2024', '05-06-2023', ''].map(
        isoFromFrDate,
      ),
    ).toEqual(['2023-06-05', '2023-06-05', '2023-06-05', '2023-06-05', '2024-02-31', '05-06-2023', ''])
  })

  it('write a calendar date as DD/MM/YYYY, and the date part of a timestamp the same way', () => {
    expect([frDate('2023-06-05'), frDate('2023-06-05T23:30:00.000Z'), frDate(null), frDate('')]).toEqual([
      '05/06/2023',
      '05/06/2023',
      '',
      '',
    ])
  })

  it('write a month in words, and leave what is not a month as it is', () => {
    expect([frMonth('2024-01'), frMonth('2026-08'), frMonth('2024-13'), frMonth('total')]).toEqual([
      'janvier 2024',
      'août 2026',
      '2024-13',
      'total',
    ])
  })

  it('write an instant on the clock of Paris, winter and summer time, whatever the process time zone', () => {
    expect([
      frDateTime('2026-12-05T23:44:33.859Z'),
      frDateTime('2026-07-01T10:00:00Z'),
      frDateTime(new Date(Date.UTC(2026, 2, 29, 0, 59))),
      frDateTime(new Date(Date.UTC(2026, 2, 29, 1, 0))),
    ]).toEqual(['06/12/2026 00:44', '01/07/2026 12:00', '29/03/2026 01:59', '29/03/2026 03:00'])
  })

  it('keep the exact UTC instant in the markup of a time element', async () => {
    expect(String(await timeElement('2026-12-05T23:44:33.859Z'))).toBe(
      '<time datetime="2026-12-05T23:44:33.859Z">06/12/2026 00:44</time>',
    )
  })

  it('name a code in French, fall back to the code itself for one the list lacks, and nothing for none', () => {
    expect([
      label(STATUS_LABELS, 'SORTI'),
      label(EXIT_REASON_LABELS, 'INTERRUPTION_OF'),
      label(STATUS_LABELS, 'NOUVEAU'),
      label(STATUS_LABELS, null),
    ]).toEqual(['Sorti de formation', 'Interruption par l’organisme', 'NOUVEAU', ''])
  })

  it('agree the noun with its number, 0 and 1 singular as in French, with French digit grouping', () => {
    expect([
      plural(0, 'dossier', 'dossiers'),
      plural(1, 'dossier', 'dossiers'),
      plural(1500, 'dossier', 'dossiers'),
    ]).toEqual(['0 dossier', '1 dossier', '1\u202f500 dossiers'])
  })

  it('name the statuses at entry as the reference list does (its apostrophes typographic)', () => {
    const list = readFileSync(
      new URL('../../../../shared/reference/codes/statuts_stagiaire.csv', import.meta.url),
      'utf8',
    )
    const reference = Object.fromEntries(
      list
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => {
          const [code, libelle] = line.split(/,(.*)/s) as [string, string]
          return [code, libelle.replaceAll("'", '’')]
        }),
    )
    expect(STATUS_AT_ENTRY_LABELS).toEqual(reference)
  })
})
