/**
 * The credentials `passerelle demo` prints (each partner's token, each partner-area sign-in),
 * kept in clear in the demo's own data folder so that its next run prints the same ones instead of
 * replacing them: the hub keeps only their hashes, and a demo that replaced them on every run
 * broke the token or password its user had noted. Only a demo hub has this file (`passerelle
 * demo` refuses an operator's hub, `hub/not-a-demo`); it is readable by its owner only, as the
 * demo's secret beside it.
 * @module
 */
import {
  chmodSync,
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import type { Kysely } from 'kysely'
import { ensureDemoUsers } from '../access/demo-users.ts'
import { recordOperatorAction, withOperatorLog } from '../access/operator-log.repository.ts'
import { authenticate, normaliseEmail } from '../access/users.repository.ts'
import type { Database } from '../db/database.ts'
import { inTransaction } from '../db/in-transaction.ts'
import { mapLimit } from '../lib/map-limit.ts'
import { addPartner, type PartnerKind, partnerByCode } from '../partners/partner.repository.ts'
import { partnerByToken, rotateToken } from '../partners/token.repository.ts'

/** What the demo keeps of one partner: its token, and its partner-area account's e-mail and password. */
export interface DemoPartnerCredentials {
  readonly token?: string
  readonly email?: string
  readonly password?: string
}

/** The demo's credentials by partner code. */
export type DemoCredentials = Readonly<Record<string, DemoPartnerCredentials>>

/** The stored credentials, or what is wrong with the file (the demo then issues new ones and writes it again). */
export type ReadDemoCredentials =
  | { readonly ok: true; readonly credentials: DemoCredentials }
  | { readonly ok: false; readonly problem: string }

/** Where `passerelle demo` keeps the credentials it printed: beside its secret, in the data folder. */
export function demoCredentialsPath(dataDir: string): string {
  return join(dataDir, 'demo-credentials.json')
}

/**
 * The credentials an earlier demo kept in `dataDir` (none when it kept no file). A file that is not
 * what the demo writes is a problem, in words, never quoted: it holds secrets.
 *
 * @example
 * const read = readDemoCredentials('.passerelle')
 * const stored = read.ok ? read.credentials : {} // and warn with read.problem
 */
export function readDemoCredentials(dataDir: string): ReadDemoCredentials {
  const path = demoCredentialsPath(dataDir)
  if (!existsSync(path)) return { ok: true, credentials: {} }
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return { ok: false, problem: code ? `cannot read it (${code})` : 'it is not JSON' }
  }
  const partners = (parsed as { partners?: unknown } | null)?.partners
  if (typeof partners !== 'object' || partners === null || Array.isArray(partners))
    return { ok: false, problem: 'it has no "partners" object' }
  const credentials: Record<string, DemoPartnerCredentials> = {}
  for (const [code, entry] of Object.entries(partners)) {
    const e = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>
    const text = (key: string) => (typeof e[key] === 'string' ? { [key]: e[key] as string } : {})
    credentials[code] = { ...text('token'), ...text('email'), ...text('password') }
  }
  return { ok: true, credentials }
}

/**
 * Writes the credentials into `dataDir`, readable by its owner only (mode 600, whatever the umask
 * or an earlier file's mode), through a temporary file renamed over the old one: a run stopped
 * while writing leaves the earlier file whole, not half of one whose tokens would all be replaced.
 */
export function writeDemoCredentials(dataDir: string, credentials: DemoCredentials): void {
  const path = demoCredentialsPath(dataDir)
  const partners = Object.fromEntries(Object.entries(credentials).sort(([a], [b]) => (a < b ? -1 : 1)))
  const text = `${JSON.stringify({ about: ABOUT, partners }, null, 2)}\n`
  mkdirSync(dataDir, { recursive: true })
  const temporary = `${path}.${process.pid}.tmp`
  try {
    // Flushed before the rename: a crash just after must not leave an empty file in its place.
    const fd = openSync(temporary, 'w', 0o600)
    try {
      writeFileSync(fd, text)
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    chmodSync(temporary, 0o600)
    renameSync(temporary, path)
  } finally {
    // The temporary file holds the secrets too: never left behind by a failed write.
    rmSync(temporary, { force: true })
  }
}

const ABOUT =
  'The tokens and partner-area passwords passerelle demo printed for this hub (it keeps only their hashes): its next run prints them again while they still work, and replaces only those that do not (all of them with --new-credentials).'

/** A partner of the demo, as `partners.csv` lists it. */
export interface DemoPartner {
  readonly code: string
  readonly name: string
  readonly kind: PartnerKind
}

/** A partner's token, with its end as the hub has it (null: valid until rotated). */
export interface DemoToken {
  readonly token: string
  readonly expiresAt: Date | null
}

/** A demo credential and whether it is the one stored (`kept`) or was issued by this run. */
export interface DemoCredential<T> {
  readonly code: string
  readonly value: T
  readonly kept: boolean
}

/**
 * Registers the demo's partners that the hub lacks, and gives every partner a token it can use:
 * the stored one while it authenticates as that partner (live: neither revoked nor expired), else
 * a new one (the partner's other tokens revoked, as `partners rotate-token` does). Each change is
 * in the operator log, in its own transaction, with `demo: true`. Each token comes with its end, read
 * from the hub: a kept one ends when it was issued to, not a year from this run.
 */
export async function ensureDemoTokens(
  db: Kysely<Database>,
  partners: readonly DemoPartner[],
  stored: DemoCredentials,
  operator: string,
): Promise<DemoCredential<DemoToken>[]> {
  const tokens: DemoCredential<DemoToken>[] = []
  for (const { code, name, kind } of partners) {
    const existing = await partnerByCode(db, code)
    const token = stored[code]?.token
    const holder = token === undefined ? undefined : await partnerByToken(db, token)
    if (existing && token !== undefined && holder?.partner.id === existing.id) {
      tokens.push({ code, value: { token, expiresAt: holder.expiresAt }, kept: true })
      continue
    }
    const issued = existing
      ? await withOperatorLog(
          db,
          operator,
          (tx) => rotateToken(tx, existing.id),
          (r) => ({
            action: 'token/rotate',
            partnerId: existing.id,
            subject: `#${r.tokenId}`,
            detail: { demo: true, expiresAt: r.expiresAt.toISOString(), previousTokens: r.previous },
          }),
        )
      : await withOperatorLog(
          db,
          operator,
          (tx) => addPartner(tx, { code, name, kind }),
          (added) => ({
            action: 'partner/add',
            partnerId: added.partner.id,
            subject: code,
            detail: {
              demo: true,
              kind,
              token: `#${added.tokenId}`,
              expiresAt: added.expiresAt.toISOString(),
            },
          }),
        )
    tokens.push({ code, value: { token: issued.token, expiresAt: issued.expiresAt }, kept: false })
  }
  return tokens
}

/** A partner-area sign-in the demo prints. */
export interface DemoSignIn {
  readonly email: string
  readonly password: string
}

/** A demo account the operator disabled (`passerelle users disable`): the demo leaves it so. */
export interface DisabledDemoAccount {
  readonly code: string
  readonly email: string
}

/** The sign-ins the demo prints, and the accounts it leaves disabled (no password printed for them). */
export interface DemoSignIns {
  readonly signIns: DemoCredential<DemoSignIn>[]
  readonly disabled: DisabledDemoAccount[]
}

/**
 * Gives each partner's demo account a password it can sign in with: the stored one while it
 * signs that partner's account in (the account enabled, the password its hash's), else a new one
 * (`ensureDemoUsers`: the account created, or given the new password). An account the operator
 * disabled is left as it is, disabled and with its password: the demo never undoes an operator's
 * decision, and once enabled the account signs in with the stored password again. Each change is
 * in the operator log, with `demo: true`.
 */
export async function ensureDemoSignIns(
  db: Kysely<Database>,
  codes: readonly string[],
  stored: DemoCredentials,
  operator: string,
): Promise<DemoSignIns> {
  // scrypt is memory-hard and slow on purpose (~0.1 s): a few at once, on libuv's threads.
  const kept = await mapLimit(codes, 4, async (code) => {
    const { email, password } = stored[code] ?? {}
    if (email === undefined || password === undefined) return undefined
    const user = await authenticate(db, email, password)
    return user?.partnerCode === code ? { email: user.email, password } : undefined
  })
  const renewed = codes.filter((_, i) => kept[i] === undefined)
  const { made, disabled } = await inTransaction(db, async (tx) => {
    // Read in the transaction that renews the others, locked: an account disabled meanwhile is
    // not enabled again by ensureDemoUsers, which enables every account it is given.
    const off = new Set(
      renewed.length === 0
        ? []
        : (
            await tx
              .selectFrom('partner_user')
              .select('email')
              .where('email', 'in', renewed.map(demoEmail))
              .where('disabled_at', 'is not', null)
              .forUpdate()
              .execute()
          ).map((u) => u.email),
    )
    const signIns = await ensureDemoUsers(
      tx,
      renewed.filter((code) => !off.has(demoEmail(code))),
    )
    for (const s of signIns)
      await recordOperatorAction(tx, {
        operator,
        action: s.created ? 'user/add' : 'user/reset-password',
        partnerId: s.partnerId,
        subject: s.email,
        detail: { demo: true },
      })
    return {
      made: new Map(signIns.map((s) => [s.code, s])),
      disabled: renewed.filter((code) => off.has(demoEmail(code))),
    }
  })
  const signIns = codes.flatMap((code, i): DemoCredential<DemoSignIn>[] => {
    const same = kept[i]
    if (same) return [{ code, value: same, kept: true }]
    const fresh = made.get(code)
    return fresh ? [{ code, value: { email: fresh.email, password: fresh.password }, kept: false }] : []
  })
  return { signIns, disabled: disabled.map((code) => ({ code, email: demoEmail(code) })) }
}

/** A partner's demo account, as `ensureDemoUsers` names it. */
function demoEmail(code: string): string {
  return normaliseEmail(`${code}@demo.passerelle.fr`)
}

/**
 * The stored credentials with this run's merged in: partners of the hub that this run did not
 * print (another `--dossiers`' partners, an account the operator disabled) keep their entry.
 */
export function mergeDemoCredentials(
  stored: DemoCredentials,
  tokens: readonly DemoCredential<DemoToken>[],
  signIns: readonly DemoCredential<DemoSignIn>[],
): DemoCredentials {
  const merged: Record<string, DemoPartnerCredentials> = { ...stored }
  for (const t of tokens) merged[t.code] = { ...merged[t.code], token: t.value.token }
  for (const s of signIns)
    merged[s.code] = { ...merged[s.code], email: s.value.email, password: s.value.password }
  return merged
}
