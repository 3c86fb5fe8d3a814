import { parseArgs } from 'node:util'
import { type ChangeFeedLag, changeFeedLag } from '../../access/change-feed-lag.ts'
import { type FlagCounts, flagCountsByPartner } from '../../access/referential-flags.repository.ts'
import {
  type CrossPersonDeclarations,
  crossPersonDeclarations,
} from '../../ingest/cross-person-declarations.repository.ts'
import { type CrowdedPersons, crowdedPersons } from '../../ingest/crowded-persons.repository.ts'
import { MAX_MATCHED_DOSSIERS } from '../../ingest/link-shared.ts'
import { ingestRuleCodes } from '../../ingest/outcome.ts'
import { monthlyActivity, partnerActivity, rejectionsByRule } from '../../ingest/status.repository.ts'
import { type UnfinishedImport, unfinishedImports } from '../../ingest/unfinished-imports.repository.ts'
import { ruleCodes } from '../../ingest/validate/index.ts'
import { listPartners, partnerByCode, unknownPartner } from '../../partners/partner.repository.ts'
import { daysLeft, timeLeft, tokensToRenew } from '../../partners/renewal.ts'
import { type LiveToken, liveTokens } from '../../partners/token.repository.ts'
import { alignColumns } from '../columns.ts'
import { formatCount, utc, withHub } from '../hub.ts'
import { CliError, type Command } from '../io.ts'

// The referential checks (spec, "Referentials") as the status table titles them.
const FLAG_COLUMNS = [
  ['unknownOffer', 'unknown offer'],
  ['offerOrganismDiffers', "other than offer's organism"],
  ['unknownSiret', 'unknown SIRET'],
  ['ndaDiffers', 'other NDA'],
  ['unknownCertification', 'unknown certification'],
  ['inactiveCertification', 'certification inactive'],
] as const

/** `passerelle status`: the operator's monitoring view of partner feeds. */
export const statusCommand: Command = {
  name: 'status',
  summary: 'per partner: records received, accepted, rejected by rule, last transmission, by month',
  usage: 'passerelle status [--partner CODE] [--json]',
  options: [
    ['--partner CODE', 'only that partner'],
    ['--json', 'the same figures as JSON, for monitoring'],
  ],
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: { partner: { type: 'string' }, json: { type: 'boolean' } },
      strict: true,
    })
    return withHub(io, { needsSecret: false, existing: true }, async ({ store }) => {
      const db = store.db
      const partner = values.partner ? await partnerByCode(db, values.partner) : undefined
      if (values.partner && !partner) throw new CliError(await unknownPartner(store.db, values.partner))
      const activity = (await partnerActivity(db)).filter((a) => !partner || a.code === partner.code)
      const rules = await rejectionsByRule(db, partner?.id)
      const months = await monthlyActivity(db, partner?.id)
      const changeFeed = await changeFeedLag(db)
      const flags = (await flagCountsByPartner(db)).filter((f) => !partner || f.partner === partner.code)
      const unfinished = await unfinishedImports(db, partner?.id)
      const crossPerson = await crossPersonDeclarations(db, partner?.id)
      const crowded = await crowdedPersons(db, partner?.id)
      const tokens = tokenState(
        (await listPartners(db)).map((p) => p.code).filter((code) => !partner || code === partner.code),
        await liveTokens(db),
        new Date(),
      )
      if (values.json) {
        io.out(
          JSON.stringify(
            {
              partners: activity,
              rejectedByRule: rules,
              referentialFlags: flags,
              months,
              changeFeed,
              unfinishedImports: unfinished,
              tokens,
              crossPersonDeclarations: crossPerson,
              crowdedPersons: crowded,
            },
            null,
            2,
          ),
        )
        return 0
      }
      const head = [
        'partner',
        'received',
        'accepted',
        'unchanged',
        'rejected',
        'dossiers',
        'cep',
        'certified',
        'last transmission (UTC)',
      ]
      // Partner codes run to 20 characters (OPCOMOBILITES is 13): the first column fits the longest.
      const width = Math.max(12, ...activity.map((a) => a.code.length), ...rules.map((r) => r.partner.length))
      io.out(head.map((h, i) => (i === 0 ? h.padEnd(width) : h.padStart(i === 8 ? 23 : 10))).join(' '))
      for (const a of activity) {
        const cells = [
          a.received,
          a.accepted,
          a.unchanged,
          a.rejected,
          a.dossiers,
          a.cepPeriods,
          a.certified,
        ].map((n) => formatCount(n).padStart(10))
        const last = a.lastTransmission
          ? new Date(a.lastTransmission).toISOString().slice(0, 16).replace('T', ' ')
          : '—'
        io.out([a.code.padEnd(width), ...cells, last.padStart(23)].join(' '))
      }
      if (rules.length > 0) {
        io.out('\nrejected by rule:')
        for (const r of rules)
          io.out(
            `  ${r.partner.padEnd(width)} ${r.code.padEnd(36)} ${formatCount(r.count).padStart(9)}  ${ruleCodes[r.code] ?? ingestRuleCodes[r.code] ?? ''}`,
          )
      }
      for (const line of flagLines(flags)) io.out(line)
      for (const line of crossPersonLines(crossPerson)) io.out(line)
      for (const line of crowdedLines(crowded)) io.out(line)
      if (months.length > 0) {
        io.out('\nby month of reception:   modifications   rejected')
        for (const m of months)
          io.out(
            `  ${m.month}               ${formatCount(m.modifications).padStart(13)} ${formatCount(m.rejected).padStart(10)}`,
          )
      }
      for (const line of unfinishedLines(unfinished)) io.out(line)
      for (const line of tokenLines(tokens)) io.out(line)
      io.out(`\nchange feed: ${feedLine(changeFeed)}`)
      return 0
    })
  },
}

/** The section of the referential flags: one line per partner with some, none without. */
export function flagLines(flags: readonly FlagCounts[]): string[] {
  if (flags.length === 0) return []
  const width = Math.max(12, ...flags.map((f) => f.partner.length))
  const cell = (title: string, text: string) => text.padStart(Math.max(title.length, 10))
  return [
    '\nflagged by the referentials (current dossiers; — : referential not loaded):',
    `  ${'partner'.padEnd(width)} ${FLAG_COLUMNS.map(([, title]) => cell(title, title)).join(' ')}`,
    ...flags.map(
      (f) =>
        `  ${f.partner.padEnd(width)} ${FLAG_COLUMNS.map(([key, title]) => {
          const n = f[key]
          return cell(title, n === null ? '—' : formatCount(n))
        }).join(' ')}`,
    ),
  ]
}

/** The section of the declarations linking two persons' records, with what to do; none without. */
export function crossPersonLines(declarations: readonly CrossPersonDeclarations[]): string[] {
  if (declarations.length === 0) return []
  const width = Math.max(12, ...declarations.map((d) => d.partner.length))
  return [
    "\nsharedWith naming another person's record (the partner reads the named record and its co-funders': a NIR typo, or a claim on records it has no part in; ask the partner):",
    ...declarations.map(
      (d) =>
        `  ${d.partner.padEnd(width)} ${formatCount(d.count).padStart(9)}  e.g. ${d.examples.join(', ')}${d.count > d.examples.length ? ', …' : ''}`,
    ),
  ]
}

/** The section of the persons holding too many dossiers to be matched, with what to do; none without. */
export function crowdedLines(crowded: readonly CrowdedPersons[]): string[] {
  if (crowded.length === 0) return []
  const width = Math.max(12, ...crowded.map((c) => c.partner.length))
  return [
    `\npersons with more than ${MAX_MATCHED_DOSSIERS} dossiers (a placeholder NIR?): the matching rule does not link their dossiers; ask the partner for the real NIRs:`,
    `  ${'partner'.padEnd(width)}   persons  dossiers`,
    ...crowded.map(
      (c) =>
        `  ${c.partner.padEnd(width)} ${formatCount(c.persons).padStart(9)} ${formatCount(c.dossiers).padStart(9)}`,
    ),
  ]
}

/**
 * The section of the file imports not finished, with what to do; none when all are. The import
 * finds the transmission to continue by the file's SHA-256: only the same file, unchanged,
 * continues one; an unfinished import whose file changed since stays listed until the operator
 * abandons it (`passerelle import --abandon ID`), and the advice says so.
 */
export function unfinishedLines(imports: readonly UnfinishedImport[]): string[] {
  if (imports.length === 0) return []
  const state = (u: UnfinishedImport) => {
    if (u.status === 'interrupted') return `interrupted, last batch ${utc(u.lastProgress)}`
    if (u.status === 'running') return `running, last batch ${utc(u.lastProgress)}`
    return `stalled: no batch since ${utc(u.lastProgress)} (stopped by a kill -9 or a crash?)`
  }
  const rows = imports.map((u) => [
    u.partner,
    u.file,
    `transmission ${u.transmission}`,
    `started ${utc(u.startedAt)}`,
    `${formatCount(u.lines)} lines in${u.bytesTotal ? ` (${Math.floor((100 * u.bytesDone) / u.bytesTotal)} % of the file)` : ''}`,
    state(u),
  ])
  return [
    '\nfile imports not finished:',
    '  passerelle import --partner CODE FILE continues one after its last batch only if FILE is the same file, unchanged (it is found by its SHA-256);',
    '  a file changed since starts a new transmission from its first line (records already in come again as unchanged, or updated) and leaves this one listed;',
    '  passerelle import --abandon ID closes one that will not be continued (the records it committed stay):',
    ...alignColumns(rows).map((l) => `  ${l}`),
  ]
}

/** The partners' tokens that need the operator: to renew soon, without an end, or none live at all. */
export interface TokenState {
  /** Live tokens that the partner must replace soon (tokensToRenew), soonest first. */
  readonly expiring: readonly {
    partner: string
    id: number
    expiresAt: string
    /** Days to its end, a day begun counted whole (rounded up). */
    days: number
    /** The time to its end as the operator reads it: hours under 2 days, else days, rounded up. */
    left: { unit: 'hour' | 'day'; count: number }
  }[]
  /** Live tokens issued before tokens expired, which work until rotated. */
  readonly withoutEnd: readonly { partner: string; id: number }[]
  /** Partners with no live token, who can neither transmit nor read. */
  readonly withoutToken: readonly string[]
}

/** Sorts out the live tokens of `partners` (codes) that need the operator at `now`. */
export function tokenState(partners: readonly string[], live: readonly LiveToken[], now: Date): TokenState {
  const own = (code: string) => live.filter((t) => t.partner === code)
  return {
    expiring: partners
      .flatMap((code) => tokensToRenew(own(code), now))
      .sort((a, b) => a.expiresAt!.getTime() - b.expiresAt!.getTime())
      .map((t) => ({
        partner: t.partner,
        id: t.id,
        expiresAt: t.expiresAt!.toISOString(),
        days: daysLeft(t, now)!,
        left: timeLeft(t, now)!,
      })),
    withoutEnd: partners.flatMap((code) =>
      own(code)
        .filter((t) => t.expiresAt === null)
        .map((t) => ({ partner: t.partner, id: t.id })),
    ),
    withoutToken: partners.filter((code) => own(code).length === 0),
  }
}

/** The section of the tokens that need the operator, with what to do; none when all is well. */
export function tokenLines({ expiring, withoutEnd, withoutToken }: TokenState): string[] {
  if (expiring.length + withoutEnd.length + withoutToken.length === 0) return []
  // Rounded up (timeLeft): a token issued for 30 days said "in 29 days" at once.
  const inTime = ({ unit, count }: { unit: 'hour' | 'day'; count: number }) =>
    unit === 'day' ? `in ${count} days` : count <= 1 ? 'in less than an hour' : `in ${count} hours`
  const rows = [
    ...expiring.map((t) => [
      t.partner,
      `token #${t.id} expires ${inTime(t.left)} (${utc(new Date(t.expiresAt))})`,
      `passerelle partners rotate-token --code ${t.partner} --overlap-days 7`,
    ]),
    ...withoutEnd.map((t) => [
      t.partner,
      `token #${t.id} has no end (issued before tokens expired)`,
      `passerelle partners rotate-token --code ${t.partner} --overlap-days 30`,
    ]),
    ...withoutToken.map((code) => [
      code,
      'no live token: the partner can neither transmit nor read',
      `passerelle partners rotate-token --code ${code}`,
    ]),
  ]
  return [
    '\ntokens to renew (the command gives the partner a new one):',
    ...alignColumns(rows).map((l) => `  ${l}`),
  ]
}

/** The change feed's lag in a line: up to date, or how many versions wait and for which session. */
export function feedLine({ waiting, oldest }: ChangeFeedLag): string {
  if (waiting === 0) return 'up to date'
  const versions = `${formatCount(waiting)} committed ${waiting > 1 ? 'versions wait' : 'version waits'}`
  if (!oldest) return `${versions} for a transaction that has just ended`
  const open = oldest.seconds === null ? '' : `, open ${oldest.seconds} s`
  const state = oldest.state ? `, ${oldest.state}` : ''
  const where = oldest.database ? ` (database ${oldest.database}${open}${state})` : ''
  return `${versions} for the transaction of server process ${oldest.pid}${where} to end`
}
