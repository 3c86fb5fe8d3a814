import { sql } from 'kysely'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { openTestStore, type TestStore } from '../../../test/store.ts'
import { addMonths } from '../../lib/dates.ts'
import { addPartner } from '../../partners/partner.repository.ts'
import { cohortObserved } from '../indicators/cohort.ts'
import { type Contract, employmentOutcome, type HorizonOutcome } from '../indicators/employment.ts'
import { buildFacts } from './build-facts.ts'
import {
  type ContractRow,
  clearHub,
  type DossierRow,
  insertContracts,
  insertDossiers,
} from './hub-fixtures.ts'

let store: TestStore
let cdc: number
let region: number

beforeAll(async () => {
  store = await openTestStore()
  cdc = (await addPartner(store.db, { code: 'CDC', name: 'CDC', kind: 'CDC' })).partner.id
  region = (await addPartner(store.db, { code: 'R84', name: 'R84', kind: 'REGION' })).partner.id
})
afterAll(() => store.dispose())
beforeEach(() => clearHub(store.db))

const OUTCOME_COLUMNS = `dossier_key, person_key, exit_date, emp6_known, emp6_salaried, emp6_lasting, emp6_access,
  emp6_in_training, emp12_known, emp12_salaried, emp12_in_training`

interface FactOutcome {
  dossier_key: string
  person_key: string
  exit_date: string | null
  [column: string]: unknown
}

async function outcomes(): Promise<FactOutcome[]> {
  const { rows } = await sql
    .raw<FactOutcome>(`select ${OUTCOME_COLUMNS} from publish_fact_dossier order by dossier_key`)
    .execute(store.db)
  return rows
}

function columns(o6: HorizonOutcome, o12: HorizonOutcome) {
  return {
    emp6_known: o6.known,
    emp6_salaried: o6.known && o6.salaried,
    emp6_lasting: o6.known && o6.lasting,
    emp6_access: o6.known && o6.access,
    emp6_in_training: o6.known && o6.situation === 'en_formation',
    emp12_known: o12.known,
    emp12_salaried: o12.known && o12.salaried,
    emp12_in_training: o12.known && o12.situation === 'en_formation',
  }
}

/**
 * What employmentOutcome() (the oracle) says for every fact row, once the exit's cohort is
 * observed at that horizon (cohortObserved): the person's DSN contracts in line order, and as
 * other trainings the person's other dossiers of the fact table.
 */
async function oracle(facts: FactOutcome[], asOf: string) {
  const { rows: contractRows } = await sql<ContractRow>`select person_key, line, contract_type,
      start_date, end_date from dsn_contract order by person_key, line`.execute(store.db)
  const { rows: spells } = await sql<{
    dossier_key: string
    person_key: string
    entry: string
    exit: string | null
  }>`
      select dossier_key, person_key, entry_date as entry, exit_date as exit from publish_fact_dossier
      where entry_date is not null`.execute(store.db)
  return facts.map((f) => {
    const contracts: Contract[] = contractRows
      .filter((c) => c.person_key === f.person_key)
      .map((c) => ({ type: c.contract_type as Contract['type'], start: c.start_date, end: c.end_date }))
    const others = spells.filter((s) => s.person_key === f.person_key && s.dossier_key !== f.dossier_key)
    const unknown = { known: false } as const
    const at = (months: number) =>
      f.exit_date === null || !cohortObserved(f.exit_date, months, asOf)
        ? unknown
        : employmentOutcome(f.exit_date, months, contracts, others, asOf)
    return {
      dossier_key: f.dossier_key,
      person_key: f.person_key,
      exit_date: f.exit_date,
      ...columns(at(6), at(12)),
    }
  })
}

describe('PostgreSQL date arithmetic', () => {
  it('adds months as addMonths does, clamping to the end of shorter months', async () => {
    const { rows } = await sql<{ d: string; m1: string; m6: string; m12: string }>`
      select d::date as d, (d + interval '1 month')::date as m1, (d + interval '6 months')::date as m6,
        (d + interval '12 months')::date as m12
      from generate_series(date '2023-01-01', date '2028-12-31', interval '1 day') as d`.execute(store.db)
    const differ = rows.filter(
      (r) => r.m1 !== addMonths(r.d, 1) || r.m6 !== addMonths(r.d, 6) || r.m12 !== addMonths(r.d, 12),
    )
    expect(rows.length).toBe(2192)
    expect(differ).toEqual([])
  })
})

const ASOF = '2025-06-30'
const EXIT = '2024-01-31'

// One person per case, each with one exited dossier (exit 31 January 2024: 6 months reach
// 31 July, 12 months 31 January 2025) unless the case says otherwise.
interface Case {
  readonly name: string
  readonly exit?: string | null
  readonly contracts?: readonly [string, string, string | null][]
  readonly others?: readonly Partial<DossierRow>[]
  /** Expected 6-month outcome: salaried, lasting, access, in training (when known). */
  readonly six: readonly [boolean, boolean, boolean, boolean] | 'unknown'
}

const CASES: readonly Case[] = [
  { name: 'cdi from the window', contracts: [['CDI', '2024-03-01', null]], six: [true, true, true, false] },
  {
    name: 'cdd of six months',
    contracts: [['CDD', '2024-02-01', '2024-07-31']],
    six: [true, true, true, false],
  },
  {
    name: 'cdd one day short',
    contracts: [['CDD', '2024-02-02', '2024-07-31']],
    six: [true, false, true, false],
  },
  {
    name: 'short interim',
    contracts: [['INTERIM', '2024-05-01', '2024-08-31']],
    six: [true, false, true, false],
  },
  {
    name: 'long apprenticeship',
    contracts: [['APPRENTISSAGE', '2023-09-01', '2025-08-31']],
    six: [true, false, false, false],
  },
  {
    name: 'ends the day before',
    contracts: [['CDI', '2024-02-01', '2024-07-30']],
    six: [false, false, true, false],
  },
  { name: 'running cdd, long', contracts: [['CDD', '2024-07-01', null]], six: [true, true, true, false] },
  {
    name: 'running cdd measured to the date of the data',
    exit: '2024-12-20',
    contracts: [['CDD', '2025-06-01', null]],
    six: [true, false, true, false],
  },
  {
    name: 'running cdd a day short of one month',
    exit: '2024-12-20',
    contracts: [['CDD', '2025-06-02', null]],
    six: [true, false, false, false],
  },
  {
    name: 'interim and longer cdd cover',
    contracts: [
      ['INTERIM', '2024-07-01', '2024-08-15'],
      ['CDD', '2024-03-01', '2024-12-31'],
    ],
    six: [true, true, true, false],
  },
  {
    name: 'short cdd and longer apprenticeship cover',
    contracts: [
      ['CDD', '2024-07-01', '2024-08-15'],
      ['APPRENTISSAGE', '2024-03-01', '2025-12-31'],
    ],
    six: [true, false, true, false],
  },
  {
    name: 'interim, cdd and cdi cover',
    contracts: [
      ['INTERIM', '2024-07-01', '2024-08-15'],
      ['CDD', '2024-07-20', '2024-08-10'],
      ['CDI', '2024-07-30', null],
    ],
    six: [true, true, true, false],
  },
  {
    name: 'equal lengths: the first line (cdd) counts',
    contracts: [
      ['CDD', '2024-02-01', '2024-08-31'],
      ['PRO', '2024-02-01', '2024-08-31'],
    ],
    six: [true, true, true, false],
  },
  {
    name: 'equal lengths: the first line (pro) counts',
    contracts: [
      ['PRO', '2024-02-01', '2024-08-31'],
      ['CDD', '2024-02-01', '2024-08-31'],
    ],
    six: [true, false, true, false],
  },
  {
    name: 'access from the exit day',
    contracts: [['CDD', '2024-01-31', '2024-02-29']],
    six: [false, false, true, false],
  },
  {
    name: 'access on exit + 6 months',
    contracts: [['CDD', '2024-07-31', '2024-08-31']],
    six: [true, false, true, false],
  },
  {
    name: 'start after the window',
    contracts: [['CDD', '2024-08-01', '2024-12-31']],
    six: [false, false, false, false],
  },
  {
    name: 'contract under one month',
    contracts: [['CDD', '2024-02-01', '2024-02-28']],
    six: [false, false, false, false],
  },
  {
    name: 'started before the exit',
    contracts: [['CDD', '2024-01-30', '2024-12-31']],
    six: [true, true, false, false],
  },
  {
    name: 'in another training',
    others: [
      {
        entry_date: '2024-06-01',
        exit_date: null,
        status: 'ENTRE',
        exit_reason: null,
        hours_completed: null,
      },
    ],
    six: [false, false, false, true],
  },
  {
    name: 'another training ended before the horizon',
    others: [{ entry_date: '2024-06-01', exit_date: '2024-07-30' }],
    six: [false, false, false, false],
  },
  {
    name: 'another training ending on the horizon',
    others: [{ entry_date: '2024-06-01', exit_date: '2024-07-31' }],
    six: [false, false, false, true],
  },
  {
    name: 'employed while in another training',
    contracts: [['CDI', '2024-03-01', null]],
    others: [{ entry_date: '2024-06-01', exit_date: null, status: 'ENTRE', exit_reason: null }],
    six: [true, true, true, false],
  },
  {
    name: 'a cancelled training does not count',
    others: [{ entry_date: '2024-06-01', exit_date: null, status: 'ANNULE', exit_reason: null }],
    six: [false, false, false, false],
  },
  {
    name: 'exit 31 August 2023 reaches 29 February 2024',
    exit: '2023-08-31',
    contracts: [['CDD', '2023-12-01', '2024-02-29']],
    six: [true, false, true, false],
  },
  { name: 'not known yet', exit: '2025-01-15', contracts: [['CDI', '2025-02-01', null]], six: 'unknown' },
  { name: 'not exited', exit: null, contracts: [['CDI', '2024-03-01', null]], six: 'unknown' },
]

async function loadCases(cases: readonly Case[]) {
  const dossiers: Partial<DossierRow>[] = []
  const contracts: ContractRow[] = []
  cases.forEach((c, i) => {
    const person = `P${String(i).padStart(2, '0')}`
    const exit = c.exit === undefined ? EXIT : c.exit
    dossiers.push({
      person_key: person,
      partner_id: cdc,
      record_id: `${person}-A`,
      exit_date: exit,
      status: exit ? 'SORTI' : 'ENTRE',
      entry_date: '2023-06-01',
      exit_reason: exit ? 'FIN_PARCOURS' : null,
    })
    dossiers.push(
      ...(c.others ?? []).map((o, j) => ({
        person_key: person,
        partner_id: cdc,
        record_id: `${person}-O${j}`,
        ...o,
      })),
    )
    contracts.push(
      ...(c.contracts ?? []).map(([type, start, end], line) => ({
        person_key: person,
        line: line + 1,
        contract_type: type,
        start_date: start,
        end_date: end,
      })),
    )
  })
  await insertDossiers(store.db, dossiers)
  await insertContracts(store.db, contracts)
}

describe('employment outcomes in publish_fact_dossier', () => {
  it('gives for every hand-written case what employmentOutcome() gives, and what the case expects', async () => {
    await loadCases(CASES)
    await buildFacts(store.db, { asOf: ASOF })
    const facts = await outcomes()
    expect(facts).toEqual(await oracle(facts, ASOF))
    const byPerson = new Map(facts.filter((f) => f.dossier_key.endsWith('-A')).map((f) => [f.person_key, f]))
    const got = CASES.map((c, i) => {
      const f = byPerson.get(`P${String(i).padStart(2, '0')}`)!
      const six = f.emp6_known
        ? [f.emp6_salaried, f.emp6_lasting, f.emp6_access, f.emp6_in_training]
        : 'unknown'
      return { name: c.name, six }
    })
    expect(got).toEqual(CASES.map((c) => ({ name: c.name, six: c.six })))
  })

  it('counts 12-month outcomes apart from 6-month ones', async () => {
    // On 30 June 2025 the exits of 2024 are observed at 6 months, those of 2023 at 12 months too.
    await loadCases([
      {
        name: 'known at 6, not at 12',
        exit: '2024-09-30',
        contracts: [['CDI', '2024-10-01', null]],
        six: [true, true, true, false],
      },
      {
        name: 'a contract at 6 months only, a training at 12',
        exit: '2023-07-31',
        contracts: [['CDD', '2023-09-01', '2024-06-30']],
        others: [{ entry_date: '2024-07-06', exit_date: '2024-09-30' }],
        six: [true, true, true, false],
      },
    ])
    await buildFacts(store.db, { asOf: ASOF })
    const facts = await outcomes()
    expect(facts).toEqual(await oracle(facts, ASOF))
    expect(facts.map((f) => [f.dossier_key, f.emp12_known, f.emp12_salaried, f.emp12_in_training])).toEqual([
      ['CDC:P00-A', false, false, false],
      ['CDC:P01-A', true, false, true],
      ['CDC:P01-O0', false, false, false],
    ])
  })

  it('knows no outcome of an exit before its whole year of exit is observed at that horizon', async () => {
    // Exit on 31 January 2024: its own 6 months end on 31 July 2024, its cohort's on 30 June 2025.
    await loadCases([{ name: 'early in the year', contracts: [['CDI', '2024-03-01', null]], six: 'unknown' }])
    const known = async (asOf: string) => {
      await buildFacts(store.db, { asOf })
      const [fact] = await outcomes()
      return [fact?.emp6_known, fact?.emp6_salaried, fact?.emp12_known]
    }
    expect(await known('2025-06-29')).toEqual([false, false, false])
    expect(await known('2025-06-30')).toEqual([true, true, false])
    expect(await known('2025-12-30')).toEqual([true, true, false])
    expect(await known('2025-12-31')).toEqual([true, true, true])
  })

  it('does not count the records of the same shared dossier as another training', async () => {
    await insertDossiers(store.db, [
      {
        person_key: 'S',
        partner_id: cdc,
        record_id: 'A',
        exit_date: EXIT,
        committed: 5000,
        shared_dossier_id: 'CDC:A',
      },
      {
        person_key: 'S',
        partner_id: region,
        record_id: 'B',
        entry_date: '2024-06-01',
        exit_date: null,
        status: 'ENTRE',
        exit_reason: null,
        committed: 100,
        shared_dossier_id: 'CDC:A',
      },
    ])
    await buildFacts(store.db, { asOf: ASOF })
    const facts = await outcomes()
    expect(facts).toEqual([
      {
        dossier_key: 'CDC:A',
        person_key: 'S',
        exit_date: EXIT,
        emp6_known: true,
        emp6_salaried: false,
        emp6_lasting: false,
        emp6_access: false,
        emp6_in_training: false,
        emp12_known: false,
        emp12_salaried: false,
        emp12_in_training: false,
      },
    ])
  })

  it('gives what employmentOutcome() gives on generated persons', async () => {
    const random = mulberry32(20261128)
    const { dossiers, contracts } = generatePersons(random, 400)
    await insertDossiers(store.db, dossiers)
    await insertContracts(store.db, contracts)
    await buildFacts(store.db, { asOf: ASOF })
    const facts = await outcomes()
    expect(facts).toEqual(await oracle(facts, ASOF))
    // The generated data reaches every outcome, so the comparison is not between empty columns.
    const reached = [
      'emp6_salaried',
      'emp6_lasting',
      'emp6_access',
      'emp6_in_training',
      'emp12_salaried',
      'emp12_in_training',
    ].map((c) => [c, facts.some((f) => f[c] === true) && facts.some((f) => f.emp6_known && f[c] === false)])
    expect(Object.fromEntries(reached)).toEqual(Object.fromEntries(reached.map(([c]) => [c, true])))
  })
})

function mulberry32(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

// Dates near month ends and around the horizons, where calendar arithmetic can go wrong.
function randomDate(random: () => number, from: string, spanDays: number): string {
  const day = new Date(Date.parse(from) + Math.floor(random() * spanDays) * 86_400_000)
  if (random() < 0.3)
    day.setUTCDate(new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + 1, 0)).getUTCDate())
  return day.toISOString().slice(0, 10)
}

function generatePersons(random: () => number, count: number) {
  const types = ['CDI', 'CDD', 'CDD', 'INTERIM', 'APPRENTISSAGE', 'PRO', 'AUTRE']
  const dossiers: Partial<DossierRow>[] = []
  const contracts: ContractRow[] = []
  for (let p = 0; p < count; p++) {
    const person = `G${String(p).padStart(3, '0')}`
    const trainings = 1 + Math.floor(random() * 3)
    for (let t = 0; t < trainings; t++) {
      const entry = randomDate(random, '2023-01-01', 800)
      const exited = random() < 0.75
      const exit = exited ? addMonths(entry, 1 + Math.floor(random() * 8)) : null
      dossiers.push({
        person_key: person,
        partner_id: cdc,
        record_id: `${person}-${t}`,
        status: random() < 0.05 ? 'ANNULE' : exited ? 'SORTI' : 'ENTRE',
        planned_start: entry,
        entry_date: entry,
        exit_date: exit,
        exit_reason: exited ? 'FIN_PARCOURS' : null,
      })
    }
    const n = Math.floor(random() * 5)
    for (let line = 1; line <= n; line++) {
      const start = randomDate(random, '2023-03-01', 900)
      const end = random() < 0.3 ? null : randomDate(random, start, 300)
      const type = types[Math.floor(random() * types.length)]!
      contracts.push({ person_key: person, line, contract_type: type, start_date: start, end_date: end })
    }
  }
  return { dossiers, contracts }
}
