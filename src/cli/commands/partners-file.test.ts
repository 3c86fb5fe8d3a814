import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readPartnersFile } from './partners-file.ts'

const file = (text: string | Buffer) => {
  const path = join(mkdtempSync(join(tmpdir(), 'passerelle-partners-')), 'partners.csv')
  writeFileSync(path, text)
  return path
}

describe('readPartnersFile', () => {
  it('names the line where a quote that is never closed opens', async () => {
    const path = file(
      'code,name,kind\nR11,Île-de-France,REGION\nR84,"Auvergne-Rhône-Alpes,REGION\nR93,Sud,REGION\n',
    )
    expect(await readPartnersFile(path)).toEqual({
      partners: [],
      errors: ['partners.csv:3: a quote opened in this line is not closed (the file ends inside it, line 4)'],
    })
  })

  it('names the line that has more fields than the header', async () => {
    const path = file('code,name,kind\nR11,Île-de-France,REGION\nR84,Auvergne, Rhône-Alpes,REGION\n')
    expect(await readPartnersFile(path)).toEqual({
      partners: [],
      errors: [
        'partners.csv:3: 4 fields, where the header has 3 (code,name,kind; a name holding a comma goes in double quotes)',
      ],
    })
  })

  it('names any other CSV error with its line and csv-parse’s code', async () => {
    const path = file('code,name,kind\nR84,"Auvergne"-Rhône,REGION\n')
    const { errors } = await readPartnersFile(path)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/^partners\.csv:2: cannot read it as CSV: .+ \(CSV_INVALID_CLOSING_QUOTE\)$/)
  })

  it('refuses a file that is not UTF-8 (Windows-1252), naming each line, rather than names holding U+FFFD', async () => {
    // "Région" and "Île" in Windows-1252: é is 0xE9, Î is 0xCE.
    const path = file(
      Buffer.concat([
        Buffer.from('code,name,kind\nR84,R'),
        Buffer.from([0xe9]),
        Buffer.from('gion,REGION\nR93,Sud,REGION\nR11,'),
        Buffer.from([0xce]),
        Buffer.from('le-de-France,REGION\n'),
      ]),
    )
    expect(await readPartnersFile(path)).toEqual({
      partners: [],
      errors: [
        'partners.csv:2: the line is not valid UTF-8 (byte 0xE9 at byte 6 of the line): the file must be UTF-8; one saved as Windows-1252 or Latin-1 needs converting first (iconv -f WINDOWS-1252 -t UTF-8)',
        'partners.csv:4: the line is not valid UTF-8 (byte 0xCE at byte 5 of the line): the file must be UTF-8; one saved as Windows-1252 or Latin-1 needs converting first (iconv -f WINDOWS-1252 -t UTF-8)',
      ],
    })
  })

  it('refuses a name holding a line break, a control character or too many characters, escaped, with the rule', async () => {
    const path = file(
      `code,name,kind\nR84,"Acme\nR11  REGION",REGION\nR93,Sud\u0007,REGION\nR11,${'x'.repeat(201)},REGION\nR52,"  Pays de la Loire ",REGION\n`,
    )
    const rule = 'is not a partner name (one line of 1 to 200 characters, without control characters)'
    expect(await readPartnersFile(path)).toEqual({
      partners: [{ line: 6, code: 'R52', name: 'Pays de la Loire', kind: 'REGION' }],
      errors: [
        `partners.csv:3: name "Acme\\nR11  REGION" ${rule}: it holds a line break (U+000A) at character 5`,
        `partners.csv:4: name "Sud\\u0007" ${rule}: it holds a control character (U+0007) at character 4`,
        `partners.csv:5: name "${'x'.repeat(60)}"… (201 characters) ${rule}: it has 201 characters`,
      ],
    })
  })

  it('says a file it cannot open cannot be read, why, and the system’s code', async () => {
    expect(await readPartnersFile(join(tmpdir(), 'passerelle-no-such-dir', 'partners.csv'))).toEqual({
      partners: [],
      errors: ['partners.csv: cannot read it: no such file (ENOENT)'],
    })
  })
})
