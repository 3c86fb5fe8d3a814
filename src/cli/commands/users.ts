import { parseArgs } from 'node:util'
import type { Kysely } from 'kysely'
import { EMAIL_RULE, emailError, MAX_EMAIL_LENGTH, parseEmail } from '../../access/email.ts'
import { recordOperatorAction, withOperatorLog } from '../../access/operator-log.repository.ts'
import {
  generatePassword,
  MIN_DISTINCT_CHARACTERS,
  MIN_PASSWORD_LENGTH,
  variedEnough,
} from '../../access/password.ts'
import {
  addUser,
  disableUser,
  enableUser,
  listUsers,
  lockedUser,
  normaliseEmail,
  resetPassword,
} from '../../access/users.repository.ts'
import type { Database } from '../../db/database.ts'
import { inTransaction } from '../../db/in-transaction.ts'
import { shownCell, shownValue } from '../../lib/plain-text.ts'
import { partnerByCode, unknownPartner } from '../../partners/partner.repository.ts'
import { alignColumns } from '../columns.ts'
import { utc, withHub } from '../hub.ts'
import { CliError, type Command, requiredOption } from '../io.ts'
import { operatorName } from '../operator.ts'
import { onlyOptionsOf, type SubCommands, subCommand } from '../sub-command.ts'

/** The sub-commands of `users` and the options each takes. */
const SUB_COMMANDS: SubCommands = {
  add: ['partner', 'email', 'password-stdin'],
  list: ['partner'],
  'reset-password': ['email', 'password-stdin'],
  disable: ['email'],
  enable: ['email'],
}

/** Reads a password from standard input (first line, without its newline). */
async function readStdinLine(): Promise<string> {
  let text = ''
  for await (const chunk of process.stdin) text += String(chunk)
  return text.split(/\r?\n/)[0] ?? ''
}

/**
 * `passerelle users add|list|disable`: the partner-area accounts. The password comes from
 * standard input with `--password-stdin`, or is generated and printed once.
 */
export function makeUsersCommand(readPassword: () => Promise<string> = readStdinLine): Command {
  const command: Command = {
    name: 'users',
    summary: 'add, list, disable and enable partner-area user accounts, reset their passwords',
    usage: `passerelle users add --partner CODE --email E [--password-stdin]
       passerelle users list [--partner CODE]
       passerelle users reset-password --email E [--password-stdin]
       passerelle users disable --email E
       passerelle users enable --email E`,
    options: [
      ['--partner CODE', "the account's partner (add); only that partner's accounts (list)"],
      ['--email E', `the account's e-mail, its sign-in: ${EMAIL_RULE}`],
      ['--password-stdin', 'read the password from stdin instead of generating one (printed once)'],
    ],
    async run(args, io) {
      const [given, ...rest] = args
      const sub = subCommand(given, SUB_COMMANDS, command.usage)
      const { values } = parseArgs({
        args: rest,
        options: {
          partner: { type: 'string' },
          email: { type: 'string' },
          'password-stdin': { type: 'boolean' },
        },
        strict: true,
      })
      onlyOptionsOf('users', sub, values, SUB_COMMANDS, command.usage)
      // A new password: read from standard input, or generated (then printed once).
      const newPassword = async () => {
        const password = values['password-stdin'] ? await readPassword() : generatePassword()
        if (password.length < MIN_PASSWORD_LENGTH)
          throw new CliError(`the password must have at least ${MIN_PASSWORD_LENGTH} characters`, 2)
        if (!variedEnough(password))
          throw new CliError(
            `the password must have at least ${MIN_DISTINCT_CHARACTERS} different characters, spaces aside`,
            2,
          )
        return password
      }
      // Read before the store opens: a bad PASSERELLE_OPERATOR stops a change before it is made.
      const operator = sub === 'list' ? '' : operatorName(io.env)
      const emailOption = sub === 'list' ? '' : requiredOption(values.email, '--email E', command.usage)
      const partnerCode = sub === 'add' ? requiredOption(values.partner, '--partner CODE', command.usage) : ''
      // A change to an existing account, logged with its partner: 'missing' when there is no such
      // account, 'unchanged' when it is in that state already (a second disable, an enable of an
      // account not disabled), which changes nothing and logs nothing.
      const changeAccount = (
        db: Kysely<Database>,
        action: 'user/disable' | 'user/enable' | 'user/reset-password',
        change: (tx: Kysely<Database>) => Promise<boolean>,
      ) =>
        inTransaction(db, async (tx): Promise<'missing' | 'unchanged' | 'changed'> => {
          // Locked first: two operators disabling it at once log it once.
          const account = await lockedUser(tx, emailOption)
          if (!account) return 'missing'
          const { disabled, partnerId } = account
          if ((action === 'user/disable' && disabled) || (action === 'user/enable' && !disabled))
            return 'unchanged'
          if (!(await change(tx))) return 'missing'
          const subject = normaliseEmail(emailOption)
          await recordOperatorAction(tx, { operator, action, partnerId, subject })
          return 'changed'
        })
      const printPassword = (password: string) => {
        if (values['password-stdin']) return
        io.out('its password (shown once, stored hashed):')
        io.out(password)
      }
      if (sub === 'add') {
        const parsed = parseEmail(emailOption)
        if (!parsed.ok) throw new CliError(emailError('--email', emailOption, parsed.problem), 2)
        const email = parsed.email
        const password = await newPassword()
        return withHub(io, { needsSecret: false, existing: true }, async ({ store }) => {
          const partner = await partnerByCode(store.db, partnerCode)
          if (!partner) throw new CliError(await unknownPartner(store.db, partnerCode))
          if ((await listUsers(store.db)).some((u) => u.email === email))
            throw new CliError(`a user ${email} already exists`)
          await withOperatorLog(
            store.db,
            operator,
            (tx) => addUser(tx, { partnerId: partner.id, email, password, mustChange: true }),
            () => ({ action: 'user/add', partnerId: partner.id, subject: email }),
          )
          io.out(
            `user ${email} added to partner ${partner.code}; they choose their own password at first sign-in`,
          )
          printPassword(password)
          return 0
        })
      }
      if (sub === 'list') {
        return withHub(io, { needsSecret: false, existing: true }, async ({ store }) => {
          const partner = values.partner ? await partnerByCode(store.db, values.partner) : undefined
          if (values.partner && !partner) throw new CliError(await unknownPartner(store.db, values.partner))
          const rows = (await listUsers(store.db, partner?.id)).map((u) => [
            u.partnerCode,
            u.disabled ? 'disabled' : u.mustChangePassword ? 'active, password to change' : 'active',
            u.lastSignIn ? utc(u.lastSignIn) : 'never',
            shownCell(u.email, MAX_EMAIL_LENGTH),
          ])
          for (const line of alignColumns([['partner', 'state', 'last sign-in', 'e-mail'], ...rows]))
            io.out(line)
          return 0
        })
      }
      if (sub === 'disable') {
        return withHub(io, { needsSecret: false, existing: true }, async ({ store }) => {
          const done = await changeAccount(store.db, 'user/disable', (tx) => disableUser(tx, emailOption))
          if (done === 'missing') throw new CliError(`no user ${shownValue(emailOption)}`)
          io.out(
            done === 'unchanged'
              ? `user ${normaliseEmail(emailOption)} is already disabled; nothing changed, nothing logged`
              : `user ${normaliseEmail(emailOption)} disabled; its sessions are ended`,
          )
          return 0
        })
      }
      if (sub === 'reset-password') {
        const password = await newPassword()
        return withHub(io, { needsSecret: false, existing: true }, async ({ store }) => {
          const reset = (tx: Kysely<Database>) =>
            resetPassword(tx, emailOption, password, { mustChange: true })
          if ((await changeAccount(store.db, 'user/reset-password', reset)) === 'missing')
            throw new CliError(`no user ${shownValue(emailOption)}`)
          io.out(
            `user ${normaliseEmail(emailOption)}: new password set; its sessions are ended; they choose their own at next sign-in`,
          )
          printPassword(password)
          return 0
        })
      }
      // enable: subCommand refused any other.
      return withHub(io, { needsSecret: false, existing: true }, async ({ store }) => {
        const done = await changeAccount(store.db, 'user/enable', (tx) => enableUser(tx, emailOption))
        if (done === 'missing') throw new CliError(`no user ${shownValue(emailOption)}`)
        io.out(
          done === 'unchanged'
            ? `user ${normaliseEmail(emailOption)} is already enabled; nothing changed, nothing logged`
            : `user ${normaliseEmail(emailOption)} enabled`,
        )
        return 0
      })
    },
  }
  return command
}

export const usersCommand = makeUsersCommand()
