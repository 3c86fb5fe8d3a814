import { Hono } from 'hono'
import type { Kysely } from 'kysely'
import { cepExportLines } from '../../access/cep-export.ts'
import { type ExportFormat, exportLines } from '../../access/export.ts'
import type { Database } from '../../db/database.ts'
import { quote } from '../../lib/quote.ts'
import type { AppEnv } from '../context.ts'
import { problem } from '../problem.ts'
import { unknownQueryParameter } from '../query-params.ts'

/**
 * The export's format named by the `format` query parameter: `csv` (the default) or `excel`;
 * undefined for any other value.
 */
export function csvFormat(parameter: string | undefined): ExportFormat | undefined {
  if (parameter === undefined || parameter === '' || parameter === 'csv') return 'csv'
  return parameter === 'excel' ? 'excel' : undefined
}

/** What an export holds: the dossiers the caller may read, or the CEP periods it sent. */
export type ExportSource = 'dossiers' | 'cep'

/**
 * A CSV download streamed from the database batch after batch (pull-based: no buffering ahead of
 * the client), logged under `route` (the API's or the partner area's).
 */
export function csvStream(
  db: Kysely<Database>,
  partnerId: number,
  actor: string,
  route: string,
  format: ExportFormat = 'csv',
  source: ExportSource = 'dossiers',
): ReadableStream<Uint8Array> {
  const lines = (source === 'cep' ? cepExportLines : exportLines)(db, partnerId, actor, { route, format })
  const encoder = new TextEncoder()
  return new ReadableStream({
    async pull(controller) {
      try {
        const next = await lines.next()
        if (next.done) controller.close()
        else controller.enqueue(encoder.encode(next.value))
      } catch (error) {
        controller.error(error)
      }
    },
    async cancel() {
      await lines.return(undefined)
    },
  })
}

/** Headers of a CSV attachment named after the partner, the day and, for `excel`, the format. */
export function csvHeaders(
  code: string,
  today: string,
  format: ExportFormat = 'csv',
  source: ExportSource = 'dossiers',
): Record<string, string> {
  const suffix = `${source === 'cep' ? '-cep' : ''}${format === 'excel' ? '-tableur' : ''}`
  return {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="passerelle-${code}-${today}${suffix}.csv"`,
    'cache-control': 'no-store',
  }
}

/**
 * `GET /export.csv[?format=excel]`: every record the caller may read, as a CSV stream of any size,
 * for programs or (`excel`) for a spreadsheet (ExportFormat); `GET /export-cep.csv`: the CEP
 * periods the caller sent (a CEP operator's data), in the same two formats. Another query
 * parameter is refused (`export/unknown-parameter`): a misspelt `format` would otherwise give the
 * programs' file without a word.
 */
export function exportRoute(deps: { db: Kysely<Database>; today: () => string }) {
  const route = new Hono<AppEnv>()
  for (const [path, source] of [
    ['/export.csv', 'dossiers'],
    ['/export-cep.csv', 'cep'],
  ] as const) {
    route.get(path, (c) => {
      const unknown = unknownQueryParameter(c, ['format'])
      if (unknown !== undefined)
        return problem(
          c,
          400,
          'export/unknown-parameter',
          `unknown query parameter ${quote(unknown)}: this route takes format (csv, the default, or excel)`,
        )
      const asked = c.req.query('format')
      const format = csvFormat(asked)
      if (!format)
        return problem(
          c,
          400,
          'export/unknown-format',
          `format ${quote(asked)} is not one of csv (the default: RFC 4180, for programs) and excel (for a spreadsheet)`,
        )
      const partner = c.get('partner')
      const lines = csvStream(deps.db, partner.id, c.get('actor'), `GET /api/v1${path}`, format, source)
      return c.body(lines, 200, csvHeaders(partner.code, deps.today(), format, source))
    })
  }
  return route
}
