import { basename, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type { Kysely } from 'kysely'
import { tokenActor } from '../../access/actor.ts'
import type { Database } from '../../db/database.ts'
import {
  addPartner,
  addPartners,
  listPartners,
  listTokens,
  PARTNER_KINDS,
  type Partner,
  type PartnerKind,
  partnerByCode,
  rotateToken,
  unknownPartner,
} from '../../partners/partner.repository.ts'
import { alignColumns } from '../columns.ts'
import { withHub } from '../hub.ts'
import { CliError, type CliIo, type Command } from '../io.ts'
import { PARTNER_CODE, readPartnersFile } from './partners-file.ts'

/**
 * `passerelle partners add|list|tokens|rotate-token`: the operator's partner register. Tokens are
 * shown by id (`#12`), the way the audit log names them (`token:CODE#12`); a clear token is
 * printed once, alone on the last line, when it is issued.
 */
export const partnersCommand: Command = {
  name: 'partners',
  summary: 'add partners, list them and their tokens, rotate their tokens',
  usage: `passerelle partners add --code CODE --name NAME --kind ${PARTNER_KINDS.join('|')}
       passerelle partners add --from PARTNERS.csv
       passerelle partners list
       passerelle partners tokens --code CODE
       passerelle partners rotate-token --code CODE`,
  options: [
    ['--code CODE', "the partner's code (add, tokens, rotate-token)"],
    ['--name NAME', 'its name, as partners see it (add)'],
    ['--kind KIND', 'REGION, OPCO, FT, CDC, TPRO, AGEFIPH or CEP (add)'],
    ['--from FILE.csv', 'add every partner of a code,name,kind file, or none when a line is wrong'],
  ],
  async run(args, io) {
    const [sub, ...rest] = args
    const { values } = parseArgs({
      args: rest,
      options: {
        code: { type: 'string' },
        name: { type: 'string' },
        kind: { type: 'string' },
        from: { type: 'string' },
      },
      strict: true,
    })
    if (sub === 'add' && values.from !== undefined) {
      if (values.code !== undefined || values.name !== undefined || values.kind !== undefined)
        throw new CliError(
          '--from takes the partners from its file: give it alone, without --code, --name or --kind',
          2,
        )
      return addFromFile(io, resolve(io.cwd, values.from))
    }
    if (sub === 'add') {
      const code = values.code ?? ''
      const kind = (values.kind ?? '').toUpperCase()
      if (!PARTNER_CODE.test(code))
        throw new CliError(`--code "${code}" is not a partner code (2–24 characters A–Z, 0–9, _)`, 2)
      if (!values.name) throw new CliError('--name is required', 2)
      if (!PARTNER_KINDS.includes(kind as PartnerKind))
        throw new CliError(`--kind "${values.kind ?? ''}" is not one of ${PARTNER_KINDS.join(', ')}`, 2)
      return withHub(io, { needsSecret: false }, async ({ store }) => {
        if (await partnerByCode(store.db, code))
          throw new CliError(`partner ${code} already exists (rotate its token with partners rotate-token)`)
        const { token, tokenId } = await addPartner(store.db, {
          code,
          name: values.name!,
          kind: kind as PartnerKind,
        })
        io.out(
          `partner ${code} added; its token #${tokenId} (${tokenActor(code, tokenId)} in the audit log; shown once, stored hashed):`,
        )
        io.out(token)
        return 0
      })
    }
    if (sub === 'list') {
      return withHub(io, { needsSecret: false, existing: true }, async ({ store }) => {
        const partners = await listPartners(store.db)
        const rows = partners.map((p) => [
          p.code,
          p.kind,
          p.tokenIds.length ? p.tokenIds.map((id) => `#${id}`).join(',') : '-',
          p.name,
        ])
        for (const line of alignColumns([['code', 'kind', 'live tokens', 'name'], ...rows])) io.out(line)
        return 0
      })
    }
    if (sub === 'tokens') {
      const code = values.code ?? ''
      return withHub(io, { needsSecret: false, existing: true }, async ({ store }) => {
        const partner = await knownPartner(store.db, code)
        io.out(['token', 'audit actor', 'created', 'revoked'].join('\t'))
        for (const t of await listTokens(store.db, partner.id))
          io.out(
            [
              `#${t.id}`,
              tokenActor(partner.code, t.id),
              t.createdAt.toISOString(),
              t.revokedAt?.toISOString() ?? '',
            ].join('\t'),
          )
        return 0
      })
    }
    if (sub === 'rotate-token') {
      const code = values.code ?? ''
      return withHub(io, { needsSecret: false, existing: true }, async ({ store }) => {
        const partner = await knownPartner(store.db, code)
        const { token, tokenId } = await rotateToken(store.db, partner.id)
        io.out(
          `partner ${code}: previous tokens revoked; new token #${tokenId} (${tokenActor(code, tokenId)} in the audit log; shown once):`,
        )
        io.out(token)
        return 0
      })
    }
    throw new CliError(`unknown sub-command "${sub ?? ''}"; usage:\n${partnersCommand.usage}`, 2)
  },
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
async function addFromFile(io: CliIo, path: string): Promise<number> {
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
    const added = await addPartners(store.db, partners)
    io.out(
      `${added.length} ${added.length > 1 ? 'partners' : 'partner'} added; code and token, tab-separated (tokens shown once, stored hashed):`,
    )
    for (const a of added) io.out(`${a.partner.code}\t${a.token}`)
    return 0
  })
}
