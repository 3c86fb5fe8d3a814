/**
 * SQL fragments shared by the fact tables: they must read the same on PGlite and PostgreSQL 15.
 * @module
 */
import { lastObservedYear } from '../indicators/cohort.ts'

/** Results of a certification that count as known (INCONNU and null do not). */
export const KNOWN_RESULTS = "('OBTENUE','PARTIELLE','ECHEC')"

/**
 * The date of the data as an SQL date literal. Inlined rather than bound: `create table … as`
 * statements repeat it many times, and a constant lets the planner fold the date arithmetic.
 * Throws on anything but a real calendar date, so nothing else can reach the SQL text.
 */
export function asOfLiteral(asOf: string): string {
  const m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(asOf)
  const time = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN
  // Date.UTC rolls 30 February over to March: a real date formats back to itself.
  const real = !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === asOf
  if (!real) throw new Error(`invalid asOf: ${JSON.stringify(asOf)} (expected a YYYY-MM-DD date)`)
  return `date '${asOf}'`
}

/**
 * `date` plus `months` calendar months. PostgreSQL clamps to the last day of a shorter month
 * (31 August + 6 months = 28 or 29 February), exactly as `addMonths` of src/lib/dates.ts.
 */
export function plusMonths(date: string, months: number): string {
  return `(${date} + interval '${months} months')::date`
}

/**
 * Whether the whole calendar-year cohort of `date` is observed at `months` months on `asOf` (an
 * SQL date literal of asOfLiteral): 31 December of its year plus `months` reached, as
 * `cohortObserved` of ../indicators/cohort.ts. False for a null date. That holds for every year up
 * to `lastObservedYear`, so the test is one date comparison: the calendar arithmetic per row
 * (`make_date`, an interval, a cast), repeated for each outcome column, took ~0.3 s per million
 * rows each time.
 */
export function cohortObservedSql(date: string, months: number, asOf: string): string {
  const next = lastObservedYear(literalDate(asOf), months) + 1
  return `coalesce(${date} < date '${String(next).padStart(4, '0')}-01-01', false)`
}

/** The `YYYY-MM-DD` of an asOfLiteral. */
function literalDate(literal: string): string {
  const m = /^date '([0-9]{4}-[0-9]{2}-[0-9]{2})'$/.exec(literal)
  if (!m) throw new Error(`not a date literal of asOfLiteral: ${JSON.stringify(literal)}`)
  return m[1]!
}

/**
 * The age band at `at` of a person born on `birth`. PostgreSQL's `age()` lowers the years exactly
 * when the month and day of `at` come before those of `birth`: whole years with the birthday
 * counting from its day, as `ageAt` of the validator (born 29 February: a year older on 1 March
 * of other years). `width_bucket` places the age once: 0 under 26, 1 from 26 to 44, 2 from 45.
 */
export function ageBand(birth: string, at: string): string {
  const age = `date_part('year', age((${at})::timestamp, (${birth})::timestamp))`
  return `(array['moins_26','26_44','45_plus'])[width_bucket(${age}, array[26, 45]) + 1]`
}

/**
 * A dossier's key: its shared dossier id (already `partner:record` of one of its records, see
 * src/ingest/link-shared.ts), else `partner:record` of its only record.
 */
/** A row's `person_id`: its `person_key` numbered 1, 2, … in byte order (factTableWithPersonId). */
export const PERSON_ID = '(dense_rank() over (order by person_key collate "C"))::integer'

/**
 * The aggregation adds up persons of at most this many rows of a fact table by inclusion–exclusion
 * (src/publish/aggregate/aggregate-sql.ts) and counts the others distinct.
 */
export const FEW_ROWS = 4

/**
 * The indexes of a fact table on its persons: its rows are written in person order
 * (factTableWithPersonId), so through them the aggregation reads the rows of persons of few rows
 * together without sorting them, and those of the others without scanning the whole table. Their
 * predicates are the aggregation's filters: a partial index serves only a query whose conditions
 * imply its own.
 */
export function personIndexes(table: string): string[] {
  return [
    `create index ${table}_few on ${table} (person_id) where person_rows between 2 and ${FEW_ROWS}`,
    `create index ${table}_many on ${table} (person_id) where person_rows > ${FEW_ROWS}`,
  ]
}

/** A row's `person_rows`: how many rows of the fact table its person has (factTableWithPersonId). */
export const PERSON_ROWS = '(count(*) over (partition by person_key collate "C"))::integer'

/**
 * `create unlogged table <table> as <select>` with `person_id`, the select's persons
 * (`person_key`) numbered 1, 2, … in byte order, and `person_rows`, each person's rows. Every
 * table publishing distinct persons counts them (`count(distinct)`), whose per-group sorts are
 * about twice as fast on integers as on the 64-character keys; numbering once here spares each of
 * those tables a sort of its rows. A person of one row is one person in every cell holding that
 * row, so the aggregation counts those by adding up, and only the others by `count(distinct)`
 * (src/publish/aggregate/README.md). Both windows share one sort by person.
 */
export function factTableWithPersonId(table: string, select: string): string {
  return `create unlogged table ${table} as
  select f.*, ${PERSON_ID} as person_id, ${PERSON_ROWS} as person_rows
  from (${select}) f`
}

export function dossierKey(record: string, partner: string): string {
  return `coalesce(${record}.shared_dossier_id, ${partner}.code || ':' || ${record}.record_id)`
}
