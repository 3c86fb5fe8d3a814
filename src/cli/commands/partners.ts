import { parseArgs } from 'node:util'
import {
  addPartner,
  listPartners,
  PARTNER_KINDS,
  type PartnerKind,
  partnerByCode,
  rotateToken,
} from '../../partners/partner.repository.ts'
import { withHub } from '../hub.ts'
import { CliError, type Command } from '../io.ts'

const CODE = /^[A-Z0-9_]{2,24}$/

/** `passerelle partners add|list|rotate-token`: the operator's partner register. */
export const partnersCommand: Command = {
  name: 'partners',
  summary: 'add partners, list them, rotate their tokens',
  usage: `passerelle partners add --code CODE --name NAME --kind ${PARTNER_KINDS.join('|')}
       passerelle partners list
       passerelle partners rotate-token --code CODE`,
  async run(args, io) {
    const [sub, ...rest] = args
    const { values } = parseArgs({
      args: rest,
      options: { code: { type: 'string' }, name: { type: 'string' }, kind: { type: 'string' } },
      strict: true,
    })
    if (sub === 'add') {
      const code = values.code ?? ''
      const kind = (values.kind ?? '').toUpperCase()
      if (!CODE.test(code))
        throw new CliError(`--code "${code}" is not a partner code (2–24 characters A–Z, 0–9, _)`, 2)
      if (!values.name) throw new CliError('--name is required', 2)
      if (!PARTNER_KINDS.includes(kind as PartnerKind))
        throw new CliError(`--kind "${values.kind ?? ''}" is not one of ${PARTNER_KINDS.join(', ')}`, 2)
      return withHub(io, { needsSecret: false }, async ({ store }) => {
        if (await partnerByCode(store.db, code))
          throw new CliError(`partner ${code} already exists (rotate its token with partners rotate-token)`)
        const { token } = await addPartner(store.db, { code, name: values.name!, kind: kind as PartnerKind })
        io.out(`partner ${code} added; its token (shown once, stored hashed):`)
        io.out(token)
        return 0
      })
    }
    if (sub === 'list') {
      return withHub(io, { needsSecret: false }, async ({ store }) => {
        const partners = await listPartners(store.db)
        io.out(['code'.padEnd(12), 'kind'.padEnd(8), 'tokens', 'name'].join('  '))
        for (const p of partners)
          io.out([p.code.padEnd(12), p.kind.padEnd(8), String(p.tokens).padStart(6), p.name].join('  '))
        return 0
      })
    }
    if (sub === 'rotate-token') {
      const code = values.code ?? ''
      return withHub(io, { needsSecret: false }, async ({ store }) => {
        const partner = await partnerByCode(store.db, code)
        if (!partner) throw new CliError(`unknown partner "${code}"`)
        const token = await rotateToken(store.db, partner.id)
        io.out(`partner ${code}: previous tokens revoked; new token (shown once):`)
        io.out(token)
        return 0
      })
    }
    throw new CliError(`unknown sub-command "${sub ?? ''}"; usage:\n${partnersCommand.usage}`, 2)
  },
}
