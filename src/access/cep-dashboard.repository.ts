import { sql } from 'kysely'
import { ageBand } from '../publish/facts/sql-parts.ts'
import type { PartnerScope } from './partner-tx.ts'

/** One line of a CEP dashboard table: a group of the operator's periods, and how many ended and how. */
export interface CepDashboardLine {
  readonly key: string
  /** Periods, cancelled ones left out. */
  readonly periods: number
  /** Periods with an end date. */
  readonly ended: number
  /** Ended with a formalised project (`endReason` PROJET_FORMALISE) among ended periods; null when none ended. */
  readonly formalisedRate: number | null
}

/**
 * A CEP operator's dashboards on its own periods, without suppression. Keys: a year `2024`, a month
 * `2024-01`, a status at entry `SAL_PRIVE`, a level `1` or `2`, a sex and age band at the period's
 * start `F:moins_26` (bands `moins_26`, `26_44`, `45_plus`, as the published statistics), a région
 * code of the commune of residence `84` (`''` for a commune the hub's list lacks).
 */
export interface CepDashboard {
  readonly total: CepDashboardLine
  readonly byYear: readonly CepDashboardLine[]
  readonly byMonth: readonly CepDashboardLine[]
  readonly byStatusAtEntry: readonly CepDashboardLine[]
  readonly byLevel: readonly CepDashboardLine[]
  readonly bySexAge: readonly CepDashboardLine[]
  readonly byRegion: readonly CepDashboardLine[]
}

// The grouping columns, in the order `grouping()` takes them, and each table's own ones.
const COLUMNS = ['year', 'month', 'status_at_entry', 'level', 'sex', 'age_band', 'region'] as const
type Column = (typeof COLUMNS)[number]
const TABLES = {
  byYear: ['year'],
  byMonth: ['month'],
  byStatusAtEntry: ['status_at_entry'],
  byLevel: ['level'],
  bySexAge: ['sex', 'age_band'],
  byRegion: ['region'],
  total: [],
} as const satisfies Record<keyof CepDashboard, readonly Column[]>

// What `grouping(year, …, region)` answers for a grouping set: a bit set for each column left out.
function groupingOf(columns: readonly Column[]): number {
  return COLUMNS.reduce((g, c, i) => (columns.includes(c) ? g : g | (1 << (COLUMNS.length - 1 - i))), 0)
}

type Row = Record<Column, string | null> & { g: number; periods: number; ended: number; formalised: number }

function line(key: string, r: Pick<Row, 'periods' | 'ended' | 'formalised'>): CepDashboardLine {
  return {
    key,
    periods: r.periods,
    ended: r.ended,
    formalisedRate: r.ended > 0 ? r.formalised / r.ended : null,
  }
}

const AGE_ORDER = ['moins_26', '26_44', '45_plus']
const byKey = (a: CepDashboardLine, b: CepDashboardLine) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
const bySize = (a: CepDashboardLine, b: CepDashboardLine) => b.periods - a.periods || byKey(a, b)
const bySexThenAge = (a: CepDashboardLine, b: CepDashboardLine) => {
  const [sa = '', ba = ''] = a.key.split(':')
  const [sb = '', bb = ''] = b.key.split(':')
  return sa.localeCompare(sb) || AGE_ORDER.indexOf(ba) - AGE_ORDER.indexOf(bb)
}

/**
 * Counts of the operator's own CEP periods (cancelled ones left out) by year and month of start,
 * status at entry, level, sex and age band at the start, and région of residence (from the
 * commune referential), with the periods ended and the share of them ended on a formalised
 * project: all of it the operator's own data. The "CEP → formation" outcome is left out on
 * purpose: it is read on other funders' dossiers, which the operator may not read, and an
 * unsuppressed count over periods the operator knows by name (a month of one period, or its
 * figures before and after it edits one of its periods) would tell it which of its beneficiaries
 * entered a training elsewhere. The published dataset `accompagnements-cep` gives it by operator,
 * under the disclosure rules.
 */
export async function readCepDashboard(scope: PartnerScope): Promise<CepDashboard> {
  const { rows } = await sql<Row>`
    with p as (
      select to_char(c.start_date, 'YYYY') as year, to_char(c.start_date, 'YYYY-MM') as month,
        c.status_at_entry, c.level::text as level, c.sex,
        ${sql.raw(ageBand('c.birth_date', 'c.start_date'))} as age_band,
        coalesce(cm.region, '') as region, c.end_date, c.end_reason
      from cep_current c
      left join commune cm on cm.code = c.residence_commune
      where c.partner_id = ${scope.partnerId} and not c.cancelled
    )
    select year, month, status_at_entry, level, sex, age_band, region,
      grouping(year, month, status_at_entry, level, sex, age_band, region)::int as g,
      count(*)::int as periods,
      count(end_date)::int as ended,
      count(*) filter (where end_date is not null and end_reason = 'PROJET_FORMALISE')::int as formalised
    from p
    group by grouping sets ((year), (month), (status_at_entry), (level), (sex, age_band), (region), ())`.execute(
    scope.db,
  )
  const lines = (table: keyof typeof TABLES) => {
    const columns: readonly Column[] = TABLES[table]
    const g = groupingOf(columns)
    return rows.filter((r) => r.g === g).map((r) => line(columns.map((c) => r[c] ?? '').join(':'), r))
  }
  const total = lines('total')[0] ?? line('total', { periods: 0, ended: 0, formalised: 0 })
  return {
    total: { ...total, key: 'total' },
    byYear: lines('byYear').sort(byKey),
    byMonth: lines('byMonth').sort(byKey),
    byStatusAtEntry: lines('byStatusAtEntry').sort(bySize),
    byLevel: lines('byLevel').sort(byKey),
    bySexAge: lines('bySexAge').sort(bySexThenAge),
    byRegion: lines('byRegion').sort(bySize),
  }
}
