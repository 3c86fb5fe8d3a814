import type { Kysely } from 'kysely'
import type { Database, OperatorActionName } from '../db/database.ts'
import { inTransaction } from '../db/in-transaction.ts'

/** One change to who may read, as the operator's command made it. */
export interface OperatorAction {
  /** Who ran the command: `PASSERELLE_OPERATOR`, else `user@host` (see operatorName). */
  readonly operator: string
  readonly action: OperatorActionName
  /** The partner concerned (the account's, the token's). */
  readonly partnerId: number | null
  /** What was changed: a partner code, `#<token id>`, an e-mail. */
  readonly subject: string
  /** The terms of the change (validity, overlap, what became of earlier tokens); never a secret. */
  readonly detail?: Readonly<Record<string, string | number | boolean | null>>
}

/**
 * Appends one operator action to the log. Call it in the change's own transaction (see
 * inTransaction), so that no change is made without its row.
 */
export async function recordOperatorAction(db: Kysely<Database>, entry: OperatorAction): Promise<void> {
  await db
    .insertInto('operator_action')
    .values({
      operator: entry.operator,
      action: entry.action,
      partner_id: entry.partnerId,
      subject: entry.subject,
      detail: JSON.stringify(entry.detail ?? {}),
    })
    .execute()
}

/** One logged action as the operator reads it. */
export interface OperatorActionRow {
  readonly at: Date
  readonly operator: string
  /** The database role that ran it. */
  readonly dbUser: string
  readonly action: OperatorActionName
  /** The partner's code, or null. */
  readonly partner: string | null
  readonly subject: string
  readonly detail: Readonly<Record<string, unknown>>
}

/** Which actions the operator asks for; every field narrows the list. */
export interface OperatorActionFilter {
  readonly partnerId?: number
  /** From this day (UTC), included. */
  readonly since?: string
  /** Up to this day (UTC), included. */
  readonly until?: string
}

/** The logged actions, oldest first. The log grows by the operator's hand: it is read whole. */
export async function listOperatorActions(
  db: Kysely<Database>,
  filter: OperatorActionFilter = {},
): Promise<OperatorActionRow[]> {
  let query = db
    .selectFrom('operator_action as o')
    .leftJoin('partner as p', 'p.id', 'o.partner_id')
    .select(['o.at', 'o.operator', 'o.db_user', 'o.action', 'p.code', 'o.subject', 'o.detail'])
    .orderBy('o.id')
  if (filter.partnerId !== undefined) query = query.where('o.partner_id', '=', filter.partnerId)
  if (filter.since) query = query.where('o.at', '>=', new Date(`${filter.since}T00:00:00Z`))
  if (filter.until)
    query = query.where('o.at', '<', new Date(Date.parse(`${filter.until}T00:00:00Z`) + 86_400_000))
  return (await query.execute()).map((r) => ({
    at: new Date(r.at),
    operator: r.operator,
    dbUser: r.db_user,
    action: r.action,
    partner: r.code,
    subject: r.subject,
    // PGlite and pg both parse json; a string would mean a driver that does not.
    detail: (typeof r.detail === 'string' ? JSON.parse(r.detail) : r.detail) as Record<string, unknown>,
  }))
}

/**
 * Makes `change` and logs it in one transaction: `entry` says, from the change's result, what to
 * log (null when nothing changed, such as a token revoked before).
 */
export function withOperatorLog<T>(
  db: Kysely<Database>,
  operator: string,
  change: (tx: Kysely<Database>) => Promise<T>,
  entry: (result: T) => Omit<OperatorAction, 'operator'> | null,
): Promise<T> {
  return inTransaction(db, async (tx) => {
    const result = await change(tx)
    const logged = entry(result)
    if (logged) await recordOperatorAction(tx, { ...logged, operator })
    return result
  })
}
