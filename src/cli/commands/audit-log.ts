import { parseArgs } from 'node:util'
import type { Kysely } from 'kysely'
import { type AuditFilter, auditPages } from '../../access/audit.repository.ts'
import { listUsers } from '../../access/users.repository.ts'
import type { Database } from '../../db/database.ts'
import { partnerByCode, unknownPartner } from '../../partners/partner.repository.ts'
import { listTokens } from '../../partners/token.repository.ts'
import { dayRange } from '../day-range.ts'
import { withHub } from '../hub.ts'
import { CliError, type Command } from '../io.ts'

const USAGE =
  'passerelle audit-log [--partner CODE] [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--dossier CODE:ID] [--actor ACTOR]'

// The two kinds of reader the log names (src/access/actor.ts, the partner area's `user:<e-mail>`).
const ACTOR = /^(user:[^\s@]+@[^\s@]+|token:[A-Z0-9_]{2,24}#\d+)$/

/**
 * `passerelle audit-log`: every nominative read, oldest first, as TSV, streamed page by page. With
 * `--dossier CODE:ID`, the reads that showed that record (the question a person's access request
 * asks: who read my data).
 */
export const auditLogCommand: Command = {
  name: 'audit-log',
  summary: 'list the nominative reads of partners (time, partner, actor, route, dossiers)',
  usage: USAGE,
  options: [
    ['--partner CODE', "only that partner's reads"],
    ['--since D', 'from that UTC day, included'],
    ['--until D', 'to that UTC day, included'],
    [
      '--dossier CODE:ID',
      "the reads that showed that record (its owner's code and record id), by whoever read it",
    ],
    [
      '--actor ACTOR',
      'only the reads of that token (token:CODE#ID, as partners tokens lists it) or account (user:E-MAIL): what a leaked one read',
    ],
  ],
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        partner: { type: 'string' },
        since: { type: 'string' },
        until: { type: 'string' },
        dossier: { type: 'string' },
        actor: { type: 'string' },
      },
      strict: true,
    })
    const { since, until } = dayRange(values, USAGE)
    const dossier = values.dossier === undefined ? undefined : /^([^:]+):(.+)$/.exec(values.dossier)
    if (dossier === null)
      throw new CliError(
        `--dossier "${values.dossier}" must be the owner's partner code and the record id, CODE:ID (e.g. CDC:MCF-2023-00003238)\nusage: ${USAGE}`,
        2,
      )
    const actor = values.actor?.startsWith('user:') ? values.actor.toLowerCase() : values.actor
    if (actor !== undefined && !ACTOR.test(actor))
      throw new CliError(
        `--actor "${values.actor}" names no reader: token:CODE#ID (e.g. token:CDC#12, as passerelle partners tokens lists them) or user:E-MAIL\nusage: ${USAGE}`,
        2,
      )
    return withHub(io, { needsSecret: false, existing: true }, async ({ store }) => {
      const partner = values.partner ? await partnerByCode(store.db, values.partner) : undefined
      if (values.partner && !partner) throw new CliError(await unknownPartner(store.db, values.partner))
      if (actor !== undefined) {
        const unknown = await unknownActor(store.db, actor)
        if (unknown !== null) throw new CliError(`--actor "${values.actor}": ${unknown}`)
      }
      const owner = dossier ? await partnerByCode(store.db, dossier[1]!) : undefined
      if (dossier && !owner) throw new CliError(`--dossier: ${await unknownPartner(store.db, dossier[1]!)}`)
      const filter: AuditFilter = {
        ...(partner ? { partnerId: partner.id } : {}),
        ...(since ? { since } : {}),
        ...(until ? { until } : {}),
        ...(dossier && owner ? { dossier: { partnerId: owner.id, recordId: dossier[2]! } } : {}),
        ...(actor ? { actor } : {}),
      }
      io.out(['at', 'partner', 'actor', 'route', 'dossiers'].join('\t'))
      for await (const page of auditPages(store.db, filter))
        for (const r of page)
          io.out([r.at.toISOString(), r.partner, r.actor, r.route, r.dossiers.join(',')].join('\t'))
      return 0
    })
  },
}

/**
 * Why `actor` (`token:CODE#ID` or `user:e-mail`, lower-cased) names no reader the hub ever had, or
 * null when it names one: an answer of no reads must mean the reader read nothing, not a typo.
 * Tokens are revoked and accounts disabled, never deleted, so every actor of the log is found.
 */
async function unknownActor(db: Kysely<Database>, actor: string): Promise<string | null> {
  const token = /^token:([A-Z0-9_]+)#(\d+)$/.exec(actor)
  if (token) {
    const partner = await partnerByCode(db, token[1]!)
    if (!partner) return await unknownPartner(db, token[1]!)
    const ids = (await listTokens(db, partner.id)).map((t) => t.id)
    if (ids.includes(Number(token[2]))) return null
    return `${partner.code} has no token #${token[2]} (its tokens: ${ids.length > 0 ? ids.map((id) => `#${id}`).join(', ') : 'none'}; see passerelle partners tokens --code ${partner.code})`
  }
  const email = actor.slice('user:'.length)
  if ((await listUsers(db)).some((u) => u.email === email)) return null
  return `no account ${email} (see passerelle users list)`
}
