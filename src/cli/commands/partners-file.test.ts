import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readPartnersFile } from './partners-file.ts'

const file = (text: string) => {
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

  it('says a file it cannot open cannot be read, with the system’s code', async () => {
    expect(await readPartnersFile(join(tmpdir(), 'passerelle-no-such-dir', 'partners.csv'))).toEqual({
      partners: [],
      errors: ['partners.csv: cannot read it (ENOENT)'],
    })
  })
})
