import type { Finding } from '../ingest/findings.ts'
import { LineChecks } from './line-checks.ts'
import type { ParseContext, ReferentialSpec } from './spec.ts'

/**
 * Checks one CSV line of a referential (its values by column name) and returns the row to store,
 * or null and the findings.
 * @example
 * parseLine(organismsSpec, 12, { siret: '123', … }, context).findings[0]?.path // 'line 12, column siret'
 */
export function parseLine<Row extends object>(
  spec: ReferentialSpec<Row>,
  line: number,
  values: Readonly<Record<string, string>>,
  context: ParseContext,
): { row: Row | null; findings: readonly Finding[] } {
  const checks = new LineChecks(line, values, spec.privateColumns)
  const row = spec.parse(checks, context)
  return { row: checks.ok ? row : null, findings: checks.findings }
}
