import { sql } from 'kysely'
import { asOfLiteral, KNOWN_RESULTS, plusMonths } from '../publish/facts/sql-parts.ts'
import type { PartnerScope } from './partner-tx.ts'

/** One line of a dashboard table: a group, its dossiers, and its outcome rates (null when no denominator). */
export interface DashboardLine {
  readonly key: string
  readonly dossiers: number
  readonly exited: number
  /** Certification obtained (fully) among exited dossiers with a known result. */
  readonly certifiedRate: number | null
  /** In salaried employment at exit + 6 months, among dossiers whose horizon is reached (spec rule "salaried"). */
  readonly employed6Rate: number | null
}

/** The partner's own dashboards, on its own data and without suppression. */
export interface Dashboard {
  readonly byMonth: readonly DashboardLine[]
  readonly byDispositif: readonly DashboardLine[]
  readonly total: DashboardLine
}

interface Row {
  key: string | null
  dossiers: number
  exited: number
  known: number
  obtained: number
  reached6: number
  employed6: number
}

function line(r: Row): DashboardLine {
  return {
    key: r.key ?? 'total',
    dossiers: r.dossiers,
    exited: r.exited,
    certifiedRate: r.known > 0 ? r.obtained / r.known : null,
    employed6Rate: r.reached6 > 0 ? r.employed6 / r.reached6 : null,
  }
}

/**
 * Counts of the partner's own dossiers by month of planned start and by dispositif, with
 * certification and employment-at-6-months rates. "Salaried at exit + 6 months" is the spec's
 * rule as publish/facts/employment-outcomes.ts writes it: a DSN contract covers that date
 * (`passerelle_own_employed`, migration 2026_12_06_04_00_00, reads the contracts of the partner's
 * own dossiers without a policy check per contract).
 */
export async function readDashboard(scope: PartnerScope, asOf: string): Promise<Dashboard> {
  const today = asOfLiteral(asOf)
  const h6 = plusMonths('d.exit_date', 6)
  const { rows } = await sql<Row & { month: string | null; dispositif: string | null; g: number }>`
    select to_char(d.planned_start, 'YYYY-MM') as month, d.dispositif,
      grouping(to_char(d.planned_start, 'YYYY-MM'), d.dispositif)::int as g,
      count(*)::int as dossiers,
      count(d.exit_date)::int as exited,
      count(*) filter (where d.exit_date is not null and d.certification_result in ${sql.raw(KNOWN_RESULTS)})::int as known,
      count(*) filter (where d.exit_date is not null and d.certification_result = 'OBTENUE')::int as obtained,
      count(*) filter (where d.exit_date is not null and ${sql.raw(h6)} <= ${sql.raw(today)})::int as reached6,
      count(e.record_id)::int as employed6
    from dossier_current d
    left join passerelle_own_employed(6, ${sql.raw(today)}) e on e.record_id = d.record_id
    where d.partner_id = ${scope.partnerId} and d.status <> 'ANNULE'
    group by grouping sets ((to_char(d.planned_start, 'YYYY-MM')), (d.dispositif), ())`.execute(scope.db)
  const byMonth = rows.filter((r) => r.g === 1).map((r) => line({ ...r, key: r.month }))
  const byDispositif = rows.filter((r) => r.g === 2).map((r) => line({ ...r, key: r.dispositif }))
  const total = rows.find((r) => r.g === 3)
  const empty = { key: 'total', dossiers: 0, exited: 0, known: 0, obtained: 0, reached6: 0, employed6: 0 }
  return {
    byMonth: byMonth.sort((a, b) => (a.key < b.key ? -1 : 1)),
    byDispositif: byDispositif.sort((a, b) => b.dossiers - a.dossiers || (a.key < b.key ? -1 : 1)),
    total: line(total ? { ...total, key: 'total' } : empty),
  }
}
