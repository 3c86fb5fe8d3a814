import type { Kysely } from 'kysely'
import type { Database } from '../db/database.ts'
import { partnerByCode } from '../partners/partner.repository.ts'
import { generatePassword } from './password.ts'
import { addUser, normaliseEmail, resetPassword } from './users.repository.ts'

/** A demo sign-in: the partner, its user's e-mail and a fresh password. */
export interface DemoSignIn {
  readonly code: string
  readonly email: string
  readonly password: string
  readonly partnerId: number
  /** True when the account was created by this run, false when it was given a new password. */
  readonly created: boolean
}

/**
 * One user per partner for the demo (`<code>@demo.passerelle.fr`), with a new password on every
 * run: like the tokens, passwords are stored hashed, so a demo can only print fresh ones. An
 * existing account is given it as the operator's `users reset-password` would, its sessions ended,
 * but with no change asked: the demo prints it to be tried at once, even where an operator's reset
 * had asked for one. The caller leaves out accounts that must stay disabled; these are enabled.
 */
export async function ensureDemoUsers(db: Kysely<Database>, codes: readonly string[]): Promise<DemoSignIn[]> {
  const out: DemoSignIn[] = []
  for (const code of codes) {
    const partner = await partnerByCode(db, code)
    if (!partner) continue
    const email = normaliseEmail(`${code}@demo.passerelle.fr`)
    const password = generatePassword()
    const updated = await db
      .updateTable('partner_user')
      .set({ disabled_at: null })
      .where('email', '=', email)
      .returning('id')
      .executeTakeFirst()
    if (updated) await resetPassword(db, email, password, { mustChange: false })
    else await addUser(db, { partnerId: partner.id, email, password, mustChange: false })
    out.push({ code, email, password, partnerId: partner.id, created: !updated })
  }
  return out
}
