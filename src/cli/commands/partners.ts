import { basename, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type { Kysely } from 'kysely'
import { tokenActor } from '../../access/actor.ts'
import {
  type OperatorAction,
  recordOperatorAction,
  withOperatorLog,
} from '../../access/operator-log.repository.ts'
import type { Database } from '../../db/database.ts'
import { inTransaction } from '../../db/in-transaction.ts'
import { shownCell } from '../../lib/plain-text.ts'
import {
  addPartner,
  addPartners,
  listPartners,
  PARTNER_KINDS,
  type Partner,
  type PartnerKind,
  partnerByCode,
  unknownPartner,
} from '../../partners/partner.repository.ts'
import { MAX_PARTNER_NAME_LENGTH, parsePartnerName, partnerNameError } from '../../partners/partner-name.ts'
import {
  DEFAULT_TOKEN_DAYS,
  type IssuedToken,
  liveTokens,
  MAX_OVERLAP_DAYS,
  MAX_TOKEN_DAYS,
} from '../../partners/token.repository.ts'
import { alignColumns } from '../columns.ts'
import { utc, withHub } from '../hub.ts'
import { CliError, type CliIo, type Command, requiredOption } from '../io.ts'
import { operatorName } from '../operator.ts'
import { onlyOptionsOf, type SubCommands, subCommand } from '../sub-command.ts'
import { daysOption, lastDay, printTokens, revoke, rotate, tokenIdOption } from './partner-tokens.ts'
import { PARTNER_CODE, readPartnersFile } from './partners-file.ts'

/** The sub-commands of `partners` and the options each takes. */
const SUB_COMMANDS: SubCommands = {
  add: ['code', 'name', 'kind', 'from', 'valid-days'],
  list: [],
  tokens: ['code'],
  'rotate-token': ['code', 'valid-days', 'overlap-days'],
  'revoke-token': ['code', 'token'],
}

/**
 * `passerelle partners add|list|tokens|rotate-token|revoke-token`: the operator's partner register. Tokens are
 * shown by id (`#12`), the way the audit log names them (`token:CODE#12`); a clear token is
 * printed once, alone on the last line, when it is issued. Tokens expire (`--valid-days`); a
 * rotation can leave the previous ones working a few days (`--overlap-days`) while the partner
 * deploys the new one.
 */
export const partnersCommand: Command = {
  name: 'partners',
  summary: 'add partners, list them and their tokens, rotate and revoke their tokens',
  usage: `passerelle partners add --code CODE --name NAME --kind ${PARTNER_KINDS.join('|')}
       passerelle partners add --from PARTNERS.csv
       passerelle partners list
       passerelle partners tokens --code CODE
       passerelle partners rotate-token --code CODE [--overlap-days N]
       passerelle partners revoke-token --code CODE --token ID
       (add and rotate-token also take --valid-days N)`,
  options: [
    ['--code CODE', "the partner's code (add, tokens, rotate-token, revoke-token)"],
    [
      '--name NAME',
      `its name, as partners see it: one line, at most ${MAX_PARTNER_NAME_LENGTH} characters (add)`,
    ],
    ['--kind KIND', 'REGION, OPCO, FT, CDC, TPRO, AGEFIPH or CEP (add)'],
    ['--from FILE.csv', 'add every partner of a code,name,kind file, or none when a line is wrong'],
    ['--token ID', 'the id of the token to revoke at once, as partners tokens lists it (#5 or 5)'],
    [
      '--valid-days N',
      `how long a new token works, in days (add, rotate-token; default ${DEFAULT_TOKEN_DAYS}, at most ${MAX_TOKEN_DAYS})`,
    ],
    [
      '--overlap-days N',
      `how many days the previous tokens keep working after a rotation, never past their own end, while the partner deploys the new one (rotate-token; default 0: revoked at once; at most ${MAX_OVERLAP_DAYS})`,
    ],
  ],
  async run(args, io) {
    const [given, ...rest] = args
    const sub = subCommand(given, SUB_COMMANDS, partnersCommand.usage)
    const { values } = parseArgs({
      args: rest,
      options: {
        code: { type: 'string' },
        name: { type: 'string' },
        kind: { type: 'string' },
        from: { type: 'string' },
        'valid-days': { type: 'string' },
        'overlap-days': { type: 'string' },
        token: { type: 'string' },
      },
      strict: true,
    })
    // Read before the store opens: a bad PASSERELLE_OPERATOR stops a change before it is made.
    const operator =
      sub === 'add' || sub === 'rotate-token' || sub === 'revoke-token' ? operatorName(io.env) : ''
    if (values['overlap-days'] !== undefined && sub !== 'rotate-token')
      throw new CliError(
        '--overlap-days is for rotate-token: a rotation lets the previous tokens work on a while',
        2,
      )
    if (values['valid-days'] !== undefined && sub !== 'add' && sub !== 'rotate-token')
      throw new CliError('--valid-days is for add and rotate-token, which issue tokens', 2)
    if (values.token !== undefined && sub !== 'revoke-token')
      throw new CliError(
        '--token is for revoke-token: the other sub-commands take the partner by its --code',
        2,
      )
    onlyOptionsOf('partners', sub, values, SUB_COMMANDS, partnersCommand.usage)
    // Their values are read once the sub-command is known to take them (`list --valid-days abc`
    // names the option it does not take, not the value).
    const validDays = daysOption('--valid-days', values['valid-days'], DEFAULT_TOKEN_DAYS, 1, MAX_TOKEN_DAYS)
    const overlapDays = daysOption('--overlap-days', values['overlap-days'], 0, 0, MAX_OVERLAP_DAYS)
    if (sub === 'add' && values.from !== undefined) {
      if (values.code !== undefined || values.name !== undefined || values.kind !== undefined)
        throw new CliError(
          '--from takes the partners from its file: give it alone, without --code, --name or --kind',
          2,
        )
      return addFromFile(io, resolve(io.cwd, values.from), validDays, operator)
    }
    const usage = partnersCommand.usage
    if (sub === 'add') {
      const code = requiredOption(values.code, '--code CODE', usage)
      const parsedName = parsePartnerName(requiredOption(values.name, '--name NAME', usage))
      const givenKind = requiredOption(values.kind, '--kind KIND', usage)
      const kind = givenKind.toUpperCase()
      if (!PARTNER_CODE.test(code))
        throw new CliError(`--code "${code}" is not a partner code (2–24 characters A–Z, 0–9, _)`, 2)
      if (!parsedName.ok) throw new CliError(partnerNameError('--name', values.name!, parsedName.problem), 2)
      const name = parsedName.name
      if (!PARTNER_KINDS.includes(kind as PartnerKind))
        throw new CliError(`--kind "${givenKind}" is not one of ${PARTNER_KINDS.join(', ')}`, 2)
      return withHub(io, { needsSecret: false }, async ({ store }) => {
        if (await partnerByCode(store.db, code))
          throw new CliError(`partner ${code} already exists (rotate its token with partners rotate-token)`)
        const { token, tokenId, expiresAt } = await withOperatorLog(
          store.db,
          operator,
          (tx) => addPartner(tx, { code, name, kind: kind as PartnerKind }, validDays),
          (added) => addedEntry(added, validDays),
        )
        io.out(
          `partner ${code} added; its token #${tokenId} (${tokenActor(code, tokenId)} in the audit log; valid until ${utc(expiresAt)}; shown once, stored hashed):`,
        )
        io.out(token)
        return 0
      })
    }
    if (sub === 'list') {
      return withHub(io, { needsSecret: false, existing: true }, async ({ store }) => {
        const partners = await listPartners(store.db)
        const live = await liveTokens(store.db)
        const rows = partners.map((p) => {
          const own = live.filter((t) => t.partner === p.code)
          return [
            p.code,
            p.kind,
            own.length ? own.map((t) => `#${t.id}`).join(',') : '-',
            lastDay(own),
            shownCell(p.name, MAX_PARTNER_NAME_LENGTH),
          ]
        })
        for (const line of alignColumns([['code', 'kind', 'live tokens', 'until', 'name'], ...rows]))
          io.out(line)
        return 0
      })
    }
    // tokens, rotate-token or revoke-token: subCommand refused any other.
    const code = requiredOption(values.code, '--code CODE', usage)
    const tokenId =
      sub === 'revoke-token' ? tokenIdOption(requiredOption(values.token, '--token ID', usage)) : 0
    return withHub(io, { needsSecret: false, existing: true }, async ({ store }) => {
      const partner = await knownPartner(store.db, code)
      if (sub === 'tokens') return printTokens(io, store.db, partner)
      if (sub === 'rotate-token') return rotate(io, store.db, partner, { validDays, overlapDays }, operator)
      return revoke(io, store.db, partner, tokenId, operator)
    })
  },
}

/** The log entry of a partner registered with its first token. */
function addedEntry(
  added: { partner: Partner } & IssuedToken,
  validDays: number,
): Omit<OperatorAction, 'operator'> {
  return {
    action: 'partner/add',
    partnerId: added.partner.id,
    subject: added.partner.code,
    detail: {
      name: added.partner.name,
      kind: added.partner.kind,
      token: `#${added.tokenId}`,
      validDays,
      expiresAt: added.expiresAt.toISOString(),
    },
  }
}

/** The partner of `code`, or a CliError naming the code. */
async function knownPartner(db: Kysely<Database>, code: string): Promise<Partner> {
  const partner = await partnerByCode(db, code)
  if (!partner) throw new CliError(await unknownPartner(db, code))
  return partner
}

/**
 * `partners add --from FILE`: every partner of a partners file (`code,name,kind`), all of them or,
 * when a line is wrong or a code is already registered, none; then each partner's code and first
 * token, tab-separated, one per line (shown once, stored hashed).
 */
async function addFromFile(io: CliIo, path: string, validDays: number, operator: string): Promise<number> {
  const { partners, errors } = await readPartnersFile(path)
  const refuse = () => {
    for (const e of errors) io.err(e)
    io.err(
      `no partner added: ${errors.length} ${errors.length > 1 ? 'problems' : 'problem'} in ${basename(path)}`,
    )
    return 1
  }
  // A file without one usable line opens no store, and so creates no hub.
  if (partners.length === 0) return refuse()
  return withHub(io, { needsSecret: false }, async ({ store }) => {
    for (const p of partners)
      if (await partnerByCode(store.db, p.code))
        errors.push(
          `${basename(path)}:${p.line}: code "${p.code}" is already registered (rotate its token with partners rotate-token)`,
        )
    if (errors.length > 0) return refuse()
    const added = await inTransaction(store.db, async (tx) => {
      const all = await addPartners(tx, partners, validDays)
      for (const a of all) await recordOperatorAction(tx, { ...addedEntry(a, validDays), operator })
      return all
    })
    io.out(
      `${added.length} ${added.length > 1 ? 'partners' : 'partner'} added; code and token, tab-separated (tokens valid until ${utc(added[0]!.expiresAt)}; shown once, stored hashed):`,
    )
    for (const a of added) io.out(`${a.partner.code}\t${a.token}`)
    return 0
  })
}
