import { Hono } from 'hono'
import { applyBatch, type BatchItem } from '../../ingest/apply-batch.ts'
import type { RecordResult } from '../../ingest/outcome.ts'
import { closeTransmission, openApiTransmission } from '../../ingest/transmission.repository.ts'
import { invalidUtf8At, invalidUtf8Message } from '../../lib/utf8.ts'
import type { AppEnv, ServerDeps } from '../context.ts'
import { ndjsonLines } from '../ndjson.ts'
import { problem } from '../problem.ts'
import { ResultSpool } from '../result-spool.ts'

/** The largest JSON array a request may carry (spec/README.md, "Transport"). */
export const MAX_ARRAY_RECORDS = 1000
/** Largest JSON array body (`limitBody` in app.ts refuses more, announced or not). */
export const MAX_JSON_BYTES = 32 * 1024 * 1024
const NDJSON_BATCH = 1000

/**
 * `POST /records`: a JSON array (at most 1,000 records) or an NDJSON stream of any length. Every
 * record gets its outcome; valid records are committed before the answer, whatever the others.
 */
export function recordsRoute(deps: ServerDeps) {
  const app = new Hono<AppEnv>()
  app.post('/records', async (c) => {
    const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
    const partner = c.get('partner')
    if (type === 'application/json') {
      const bytes = new Uint8Array(await c.req.arrayBuffer())
      // Decoded as it is, a body saved as Windows-1252 would store U+FFFD for its accented letters.
      const bad = invalidUtf8At(bytes)
      if (bad !== -1)
        return problem(c, 400, 'request/invalid-utf8', invalidUtf8Message(bytes[bad]!, bad, 'body'))
      const text = new TextDecoder().decode(bytes)
      const prepared = await deps.preparer.jsonArray(text, MAX_ARRAY_RECORDS, deps.today())
      if (prepared.kind === 'invalid-json')
        return problem(c, 400, 'request/invalid-json', `the body is not valid JSON (${prepared.message})`)
      if (prepared.kind === 'not-an-array')
        return problem(
          c,
          400,
          'request/not-an-array',
          'the body must be a JSON array of records (or an application/x-ndjson stream)',
        )
      if (prepared.kind === 'too-many')
        return problem(
          c,
          413,
          'request/too-many-records',
          `the array has ${prepared.count} records; at most ${MAX_ARRAY_RECORDS} per JSON request (send larger transmissions as application/x-ndjson)`,
        )
      // Nothing sent, nothing transmitted: an empty array would otherwise be counted as a
      // transmission in the partner's status and quality view.
      if (prepared.results.length === 0) return c.json({ results: [] })
      const items: BatchItem[] = prepared.results.map((result, index) => ({ index, result }))
      const transmissionId = await openApiTransmission(deps.db, partner.id, 'api:json')
      const results = await applyBatch(deps.db, { partnerId: partner.id, transmissionId }, items)
      await closeTransmission(deps.db, transmissionId)
      return c.json({ results: results.map(answer) })
    }
    if (type === 'application/x-ndjson') {
      const stream = c.req.raw.body
      if (!stream) return c.json({ results: [] })
      const today = deps.today()
      // Opened with the first batch: a stream of no record (empty, or blank lines only) is no
      // transmission, as an empty array is none.
      let transmissionId: number | undefined
      const answers = new ResultSpool()
      let count = 0
      let texts: string[] = []
      const flush = async () => {
        transmissionId ??= await openApiTransmission(deps.db, partner.id, 'api:ndjson')
        const prepared = await deps.preparer.lines(texts, today)
        const first = count
        count += prepared.length
        texts = []
        const results = await applyBatch(
          deps.db,
          { partnerId: partner.id, transmissionId },
          prepared.map((result, i) => ({ index: first + i, result })),
        )
        await answers.add(results.map(answer))
      }
      try {
        for await (const line of ndjsonLines(stream)) {
          if (line.text.trim() === '') continue
          texts.push(line.text)
          if (texts.length >= NDJSON_BATCH) await flush()
        }
        if (texts.length > 0) await flush()
        if (transmissionId !== undefined) await closeTransmission(deps.db, transmissionId)
      } catch (error) {
        await answers.discard()
        throw error
      }
      return c.body(answers.body(), 200, { 'content-type': 'application/json' })
    }
    return problem(
      c,
      415,
      'request/unsupported-media-type',
      `content type "${type || '(none)'}" is not accepted: send application/json (an array of at most ${MAX_ARRAY_RECORDS} records) or application/x-ndjson`,
    )
  })
  return app
}

function answer(r: RecordResult) {
  return r.errors
    ? { index: r.index, id: r.id, type: r.type, outcome: r.outcome, errors: r.errors }
    : { index: r.index, id: r.id, type: r.type, outcome: r.outcome }
}
