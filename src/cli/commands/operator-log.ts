import { parseArgs } from 'node:util'
import { listOperatorActions } from '../../access/operator-log.repository.ts'
import { partnerByCode, unknownPartner } from '../../partners/partner.repository.ts'
import { dayRange } from '../day-range.ts'
import { withHub } from '../hub.ts'
import { CliError, type Command } from '../io.ts'

const USAGE = 'passerelle operator-log [--partner CODE] [--since YYYY-MM-DD] [--until YYYY-MM-DD]'

/**
 * `passerelle operator-log`: the operator's changes to who may read (partners registered, tokens
 * issued, rotated, revoked, accounts added, disabled, enabled, given a new password), oldest
 * first, as TSV. The audit log says what a token or an account read; this says who gave it.
 */
export const operatorLogCommand: Command = {
  name: 'operator-log',
  summary: "list the operator's changes to partners' tokens and accounts (who, when, what)",
  usage: USAGE,
  options: [
    ['--partner CODE', "only the changes to that partner's tokens and accounts"],
    ['--since D', 'from that UTC day, included'],
    ['--until D', 'to that UTC day, included'],
  ],
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: { partner: { type: 'string' }, since: { type: 'string' }, until: { type: 'string' } },
      strict: true,
    })
    const days = dayRange(values, USAGE)
    return withHub(io, { needsSecret: false, existing: true }, async ({ store }) => {
      const partner = values.partner ? await partnerByCode(store.db, values.partner) : undefined
      if (values.partner && !partner) throw new CliError(await unknownPartner(store.db, values.partner))
      const rows = await listOperatorActions(store.db, {
        ...days,
        ...(partner ? { partnerId: partner.id } : {}),
      })
      io.out(['at', 'operator', 'database user', 'action', 'partner', 'subject', 'detail'].join('\t'))
      for (const r of rows)
        io.out(
          [
            r.at.toISOString(),
            r.operator,
            r.dbUser,
            r.action,
            r.partner ?? '',
            r.subject,
            Object.keys(r.detail).length ? JSON.stringify(r.detail) : '',
          ].join('\t'),
        )
      return 0
    })
  },
}
