import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { memoryIo } from '../io.ts'
import { main } from '../main.ts'
import { isRelease, readReleaseTables } from './release-tables.ts'

const golden = join(import.meta.dirname, '..', '..', '..', 'test', 'golden', 'publish')
const read = (file: string) => readFile(file, 'utf8')

/** A release of one dataset with one table by région, whose rows are `rows` (`code,n,status`). */
function release(rows: string[]): string {
  return releaseOf(
    ['territoire', 'nb_entrees', 'nb_entrees_statut', 'taux', 'taux_statut', 'taux_ic_bas'],
    (r) => {
      const [code, n, status] = r.split(',')
      return `${code},${n},${status},,${status},`
    },
    rows,
  )
}

function releaseOf(fields: string[], line: (row: string) => string, rows: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-release-'))
  const base = join(dir, 'datasets', 'x')
  mkdirSync(join(base, 'hierarchies'), { recursive: true })
  writeFileSync(
    join(base, 'datapackage.json'),
    JSON.stringify({
      resources: [
        { name: 't', path: 't.csv', schema: { fields: fields.map((name) => ({ name })) } },
        { name: 'hierarchie_territoire', path: 'hierarchies/territoire.csv' },
      ],
    }),
  )
  writeFileSync(
    join(base, 'hierarchies', 'territoire.csv'),
    'code,parent,label,niveau\n_T,,France,total\nR1,_T,Un,region\nR2,_T,Deux,region\nR3,_T,Trois,region\nR4,_T,Quatre,region\n',
  )
  writeFileSync(join(base, 't.csv'), `${fields.join(',')}\n${rows.map(line).join('\n')}\n`)
  return dir
}

async function audit(dir: string) {
  const { io, stdout, stderr } = memoryIo({}, '/')
  const code = await main(['audit', dir], io)
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') }
}

describe('readReleaseTables', () => {
  it('reads every table of a published release, grouped by its count, with hierarchies cut to its codes', async () => {
    expect(await isRelease(golden)).toBe(true)
    expect(await isRelease(join(golden, 'datasets'))).toBe(false)
    const groups = await readReleaseTables(golden, read)
    expect(groups.map((g) => [g.count, g.tables.map((t) => `${t.name} ${t.dimensions.join('×')}`)])).toEqual([
      [
        'nb_entrees',
        [
          'entrees-essai/entrees_region.csv periode×territoire',
          'entrees-essai/entrees_dispositif.csv periode×dispositif',
        ],
      ],
      ['nb_financements', ['financements-essai/financements_type.csv periode×type_financeur']],
      // The same financements table again, on its amounts (montant_engage as the value).
      ['montant_engage', ['financements-essai/financements_type.csv periode×type_financeur']],
      ['nb_sorties', expect.any(Array)],
    ])
    const table = groups[0]!.tables[1]!
    expect(table.rows[0]).toEqual({ codes: ['_T', '_T'], n: 1387, status: 'V', line: 2 })
    expect(table.rows[1]).toEqual({ codes: ['_T', 'AFC'], n: 72, status: 'V', line: 3 })
    const codes = (dimension: string) =>
      new Set(table.rows.map((r) => r.codes[table.dimensions.indexOf(dimension)]))
    for (const dimension of table.dimensions)
      expect(new Set(table.hierarchies[dimension]!.map((h) => h.code))).toEqual(codes(dimension))
  })
})

describe('passerelle audit on a published release', () => {
  it('checks every suppressed cell of the golden release from its files alone', async () => {
    const result = await audit(golden)
    expect(result.code).toBe(0)
    expect(result.stderr.split('\n').filter((l) => l.startsWith('auditing'))).toEqual([
      'auditing the 2 table(s) counting nb_entrees…',
      'auditing the 1 table(s) counting nb_financements…',
      'auditing the 1 table(s) counting montant_engage…',
      'auditing the 1 table(s) counting nb_sorties…',
    ])
    expect(result.stdout).toMatch(
      /^audited the release's 5 table\(s\) in 4 linked set\(s\) \(nb_entrees, nb_financements, montant_engage, nb_sorties\): 2\d\d suppressed cells, 0 exactly disclosed, 0 unprotected \([0-9.]+ s\)$/,
    )
  })

  it('finds a cell its published neighbours tell, and exits 1', async () => {
    const result = await audit(release(['_T,30,V', 'R1,20,V', 'R2,,A', 'R3,0,V', 'R4,0,V']))
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('1 suppressed cells, 1 exactly disclosed, 1 unprotected')
    expect(result.stderr).toContain('x/t.csv')
  })

  it('audits the amounts of financements tables too: hidden counts may leave their euros told', async () => {
    // R2 and R3 hide 10 financements between them, but their euros are 1,000 − 1,000 = 0: both 0
    // (the primary one is reported, the secondary one only counted as told).
    const fields = [
      'territoire',
      'nb_financements',
      'nb_financements_statut',
      'montant_engage',
      'montant_engage_statut',
    ]
    const rows = ['_T,30,V,1000,V', 'R1,20,V,1000,V', 'R2,,B,,B', 'R3,,D,,D', 'R4,0,V,0,V']
    const result = await audit(releaseOf(fields, (r) => r, rows))
    expect([result.code, result.stdout]).toEqual([
      1,
      expect.stringContaining(
        '(nb_financements, montant_engage): 4 suppressed cells, 2 exactly disclosed, 1 unprotected',
      ),
    ])
  })

  it('passes a cell hidden with another one', async () => {
    const result = await audit(release(['_T,30,V', 'R1,20,V', 'R2,,A', 'R3,,D', 'R4,0,V']))
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('2 suppressed cells, 0 exactly disclosed, 0 unprotected')
  })

  /**
   * Exits by cohort and région on 2026-09-30 (2024 and 2025 observed at 6 months, not 2026): 2026
   * R1 (3) is hidden with 2026 R2 and both 2024 cells. `connus` gives each all-periods row's
   * nb_connus_6m as `value,status`.
   */
  function cohorts(connus: Record<string, string>, flat?: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'passerelle-release-'))
    const base = join(dir, 'datasets', 'x')
    mkdirSync(join(base, 'hierarchies'), { recursive: true })
    const fields = [
      'periode',
      'territoire',
      'nb_sorties',
      'nb_sorties_statut',
      'nb_connus_6m',
      'nb_connus_6m_statut',
    ]
    writeFileSync(
      join(base, 'datapackage.json'),
      JSON.stringify({
        resources: [
          { name: 't', path: 't.csv', schema: { fields: fields.map((name) => ({ name })) } },
          ...(flat
            ? [{ name: 'o', path: 'o.csv', schema: { fields: fields.slice(1).map((name) => ({ name })) } }]
            : []),
          { name: 'hierarchie_periode', path: 'hierarchies/periode.csv' },
          { name: 'hierarchie_territoire', path: 'hierarchies/territoire.csv' },
        ],
      }),
    )
    writeFileSync(join(base, 'release.json'), JSON.stringify({ asOf: '2026-09-30' }))
    writeFileSync(
      join(base, 'hierarchies', 'periode.csv'),
      'code,parent,label\n_T,,Toutes\n2024,_T,2024\n2025,_T,2025\n2026,_T,2026\n',
    )
    writeFileSync(
      join(base, 'hierarchies', 'territoire.csv'),
      'code,parent,label\n_T,,France\nR1,_T,Un\nR2,_T,Deux\n',
    )
    const counts: Record<string, [number, string][]> = {
      _T: [
        [153, 'V'],
        [48, 'V'],
        [105, 'V'],
      ],
      2024: [
        [50, 'V'],
        [20, 'D'],
        [30, 'D'],
      ],
      2025: [
        [60, 'V'],
        [25, 'V'],
        [35, 'V'],
      ],
      2026: [
        [43, 'V'],
        [3, 'A'],
        [40, 'D'],
      ],
    }
    const lines = Object.entries(counts).flatMap(([periode, cells]) =>
      ['_T', 'R1', 'R2'].map((territoire, i) => {
        const [n, status] = cells[i]!
        const shown = status === 'V' ? String(n) : ''
        const known =
          periode === '_T' ? connus[territoire]! : periode === '2026' ? `0,${status}` : `${shown},${status}`
        return `${periode},${territoire},${shown},${status},${status === 'V' ? known : `,${status}`}`
      }),
    )
    writeFileSync(join(base, 't.csv'), `${fields.join(',')}\n${lines.join('\n')}\n`)
    // A table without periods over the same exits: each row's count, and its observed members.
    if (flat) {
      const counts = { _T: 153, R1: 48, R2: 105 }
      const rows = Object.entries(counts).map(([t, n]) => `${t},${n},V,${flat[t]}`)
      writeFileSync(join(base, 'o.csv'), `${fields.slice(1).join(',')}\n${rows.join('\n')}\n`)
    }
    return dir
  }

  it('knows an all-periods row’s observed members for the count of its observed cohorts', async () => {
    // 48 exits in R1, 45 of them observed: the 3 of 2026 R1, hidden, are told.
    const told = await audit(cohorts({ _T: '110,V', R1: '45,V', R2: '65,V' }))
    expect([told.code, told.stdout]).toEqual([1, expect.stringContaining('unprotected')])
    expect(told.stderr).toContain('x/t.csv: disclosure/unprotected cell 2026,R1')
    // Hiding R1's alone is not enough: 110 − 65 tells it again.
    const byDifference = await audit(cohorts({ _T: '110,V', R1: ',A', R2: '65,V' }))
    expect(byDifference.code).toBe(1)
    // Shown by a table without periods, it tells it all the same: that table is audited by year.
    const flat = await audit(cohorts({ _T: ',D', R1: ',A', R2: ',D' }, { _T: ',D', R1: '45,V', R2: ',D' }))
    expect([flat.code, flat.stderr]).toEqual([
      1,
      expect.stringContaining('disclosure/unprotected cell 2026,R1'),
    ])
    // Hidden everywhere, it tells nothing (the national one is 153 − 43 anyway: secondary, told).
    const hidden = await audit(cohorts({ _T: ',D', R1: ',A', R2: ',D' }))
    expect([hidden.code, hidden.stdout]).toEqual([
      0,
      expect.stringContaining('1 exactly disclosed, 0 unprotected'),
    ])
  })
})
