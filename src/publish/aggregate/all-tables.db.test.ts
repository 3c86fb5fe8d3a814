import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestStore, type TestStore } from '../../../test/store.ts'
import { Random } from '../../generate/random.ts'
import { readDefinitions } from '../definition/read-definitions.ts'
import { aggregateTable, aggregateTables } from './aggregate-table.ts'
import { createCepFact, createDossierFact, createFundingFact, plainAggregate } from './fact-fixtures.ts'
import type { AggregatedTable } from './types.ts'

// Every table of datasets/ aggregated on seeded random fact rows (persons of 1 to 6 rows, unknown
// values, filters that keep part of a person's rows) gives the cells and values of the plain
// statement a reader would write: each measure's SQL and count(distinct person_id) by GROUPING SETS.
// The aggregation's own statement takes shortcuts (two stages, inclusion–exclusion of persons,
// amounts by organism apart); this holds them to the plain meaning on all 51 tables at once.

type Row = Record<string, string | number | boolean | null>

function facts(): { dossier: Row[]; funding: Row[]; cep: Row[] } {
  const rng = new Random('all-tables')
  const pick = <T>(items: readonly T[]): T => items[rng.int(items.length)]!
  const maybe = <T>(value: T, p = 0.85): T | null => (rng.chance(p) ? value : null)
  const places = [
    ['84', '01', '01053'],
    ['84', '69', '69123'],
    ['11', '75', '75056'],
    ['11', '92', '92050'],
    ['93', '13', '13055'],
  ] as const
  const date = () =>
    `${2024 + rng.int(2)}-${String(1 + rng.int(12)).padStart(2, '0')}-${String(1 + rng.int(28)).padStart(2, '0')}`
  const dossier: Row[] = []
  const funding: Row[] = []
  const cep: Row[] = []
  for (let p = 0; p < 60; p++) {
    const person = `P${p}`
    const [region, departement, commune] = pick(places)
    const sex = pick(['F', 'M'])
    for (let r = 1 + Math.floor(rng.float() ** 2 * 6); r > 0; r--) {
      const entry = maybe(date())
      const exit = entry && rng.chance(0.6) ? date() : null
      const [placeRegion, placeDepartement] = rng.chance(0.1)
        ? [null, null]
        : rng.chance(0.7)
          ? [region, departement]
          : pick(places)
      // Codes keep their hierarchy, as the fact build writes them: an organism has one région, a
      // NSF group one domain.
      const [organism, organismRegion] = pick([
        ['11111111111111', '84'],
        ['22222222222222', '11'],
        ['33333333333333', null],
        [null, null],
      ] as const)
      const nsf = maybe(pick(['221', '326', '330']))
      const certified = rng.chance(0.5)
      const known6 = exit !== null && rng.chance(0.7)
      const row: Row = {
        person_key: person,
        dossier_key: `d${dossier.length}`,
        status: exit ? 'SORTI' : entry ? 'ENTRE' : 'ACCEPTE',
        entry_date: entry,
        exit_date: exit,
        res_commune: commune,
        res_departement: departement,
        res_region: region,
        qpv: rng.chance(0.2),
        place_departement: placeDepartement,
        place_region: placeRegion,
        dispositif: pick(['CPF', 'PRF', 'AIF', 'PRO_A']),
        funder: pick(['CDC', 'R84', 'FT', 'AKTO']),
        funder_kind: pick(['CDC', 'REGION', 'FT', 'OPCO']),
        status_at_entry: maybe(pick(['DE', 'SALARIE', 'INACTIF'])),
        sex: rng.chance(0.9) ? sex : pick(['F', 'M']),
        age_band: pick(['moins_26', '26_44', '45_plus']),
        cert_level: pick(['3', '4', '5', 'sans']),
        nsf_domain: nsf?.slice(0, 1) ?? null,
        nsf_group: nsf,
        modality: pick(['PRESENTIEL', 'DISTANCE', 'MIXTE']),
        organism_siret: organism,
        organism_region: organismRegion,
        planned_hours: rng.int(800),
        hours_completed: exit ? rng.int(800) : null,
        committed: rng.int(5) === 0 ? 0 : rng.int(9000),
        abandoned: exit !== null && rng.chance(0.2),
        certifying: rng.chance(0.6),
        certification_known: exit !== null,
        certified: exit !== null && certified,
        emp6_known: known6,
        emp6_salaried: known6 && rng.chance(0.6),
        emp6_lasting: known6 && rng.chance(0.4),
        emp6_access: known6 && rng.chance(0.7),
        emp6_in_training: known6 && rng.chance(0.1),
        emp12_known: known6 && rng.chance(0.8),
        emp12_salaried: known6 && rng.chance(0.6),
        emp12_in_training: known6 && rng.chance(0.1),
      }
      dossier.push(row)
      funding.push({
        person_key: person,
        dossier_key: row.dossier_key as string,
        funder: row.funder as string,
        funder_kind: row.funder_kind as string,
        dispositif: row.dispositif as string,
        res_commune: commune,
        res_departement: departement,
        res_region: region,
        sex: row.sex as string,
        age_band: row.age_band as string,
        period_date: entry ?? date(),
        organism_siret: organism,
        committed: row.committed as number,
      })
      if (rng.chance(0.4))
        cep.push({
          person_key: person,
          operator: pick(['FT', 'APEC', 'ML', 'CEP_AO']),
          level: 1 + rng.int(3),
          status_at_entry: maybe(pick(['DE', 'SALARIE'])),
          sex: row.sex as string,
          age_band: row.age_band as string,
          res_commune: commune,
          res_departement: departement,
          res_region: region,
          start_date: date(),
          followup_known: rng.chance(0.7),
          followed_by_training: rng.chance(0.3),
        })
    }
  }
  return { dossier, funding, cep }
}

let store: TestStore
beforeAll(async () => {
  store = await openTestStore()
  const { dossier, funding, cep } = facts()
  await createDossierFact(store.db, dossier)
  await createFundingFact(store.db, funding)
  await createCepFact(store.db, cep)
}, 120_000)
afterAll(() => store.dispose())

/** The cells without their amounts by contributor (the plain statement has none: readCells gives `{}`). */
function withoutContributors(table: AggregatedTable): AggregatedTable {
  return { ...table, cells: table.cells.map(({ contributors: _, ...cell }) => cell) }
}

describe('aggregateTables on every table of datasets/', () => {
  it('gives the cells and values of the plain GROUPING SETS statement, distinct persons included', async () => {
    const definitions = await readDefinitions()
    if (!definitions.ok) throw new Error(JSON.stringify(definitions.issues))
    const tables = definitions.value.flatMap((d) => d.tables.map((t) => [`${d.slug}/${t.name}`, t] as const))
    expect(tables.length).toBeGreaterThanOrEqual(51)
    // All together, as publication runs them: each population's overlap terms hold every level
    // and filter of its tables.
    const all = await aggregateTables(
      store.db,
      tables.map(([, table]) => table),
      2,
    )
    const differ: string[] = []
    for (const [i, [name, table]] of tables.entries()) {
      const ours = all[i]!
      if (
        JSON.stringify(withoutContributors(ours)) !==
        JSON.stringify(withoutContributors(await plainAggregate(store.db, table)))
      )
        differ.push(name)
    }
    expect(differ).toEqual([])
  })

  it('splits each finest cell of the financements tables into amounts by organism that add up to the cell', async () => {
    const definitions = await readDefinitions()
    if (!definitions.ok) throw new Error(JSON.stringify(definitions.issues))
    const financements = definitions.value.find((d) => d.slug === 'financements')!.tables
    const mismatches: string[] = []
    let split = 0
    for (const table of financements) {
      for (const cell of (await aggregateTable(store.db, table)).cells) {
        if (!cell.contributors) continue
        split++
        const total = Object.values(cell.contributors).reduce((a, b) => a + b, 0)
        if (total !== cell.values.montant_engage) mismatches.push(`${table.name} ${cell.codes.join('/')}`)
      }
    }
    expect(split).toBeGreaterThan(100)
    expect(mismatches).toEqual([])
  })
})
