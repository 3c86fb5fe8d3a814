import { parseArgs } from 'node:util'
import { listAudit } from '../../access/audit.repository.ts'
import { isCalendarDate } from '../../lib/dates.ts'
import { partnerByCode } from '../../partners/partner.repository.ts'
import { withHub } from '../hub.ts'
import { CliError, type Command } from '../io.ts'

/** `passerelle audit-log [--partner CODE] [--since DATE]`: every nominative read, oldest first, as TSV. */
export const auditLogCommand: Command = {
  name: 'audit-log',
  summary: 'list the nominative reads of partners (time, partner, actor, route, dossiers)',
  usage: 'passerelle audit-log [--partner CODE] [--since YYYY-MM-DD]',
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: { partner: { type: 'string' }, since: { type: 'string' } },
      strict: true,
    })
    if (values.since !== undefined && !isCalendarDate(values.since))
      throw new CliError(`--since "${values.since}" is not a date YYYY-MM-DD of the calendar`, 2)
    return withHub(io, { needsSecret: false, existing: true }, async ({ store }) => {
      const partner = values.partner ? await partnerByCode(store.db, values.partner) : undefined
      if (values.partner && !partner) throw new CliError(`unknown partner "${values.partner}"`)
      const rows = await listAudit(store.db, {
        ...(partner ? { partnerId: partner.id } : {}),
        ...(values.since ? { since: values.since } : {}),
      })
      io.out(['at', 'partner', 'actor', 'route', 'dossiers'].join('\t'))
      for (const r of rows)
        io.out([r.at.toISOString(), r.partner, r.actor, r.route, r.dossiers.join(',')].join('\t'))
      return 0
    })
  },
}
