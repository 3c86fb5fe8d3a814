import { type Finding, finding } from '../ingest/findings.ts'

/**
 * Checks a CSV header against a referential's columns: every column required, any order, none
 * unknown, none twice. The header is line `line` (1 unless blank lines come first).
 * @example
 * checkHeader(['siret', 'name'], ['siret', 'name', 'nda'], 1)
 * // [{ path: 'line 1', code: 'referential/missing-column', message: 'the header lacks column nda (…)' }]
 */
export function checkHeader(columns: readonly string[], expected: readonly string[], line = 1): Finding[] {
  const wanted = `expected ${expected.join(',')}, in any order`
  // A spreadsheet saving "CSV" with French settings separates by semicolons: one finding that says
  // so, rather than one per column the header then seems to lack.
  const only = columns.length === 1 ? columns[0]! : ''
  const separator = [';', '\t'].find((s) => only.split(s).some((c) => expected.includes(c.trim())))
  if (separator !== undefined)
    return [
      finding(
        `line ${line}`,
        'referential/wrong-separator',
        `the header is separated by ${separator === ';' ? 'semicolons' : 'tabs'}: referential files are comma-separated (${wanted})`,
      ),
    ]
  const findings: Finding[] = []
  const seen = new Set<string>()
  for (const column of columns) {
    if (seen.has(column)) {
      findings.push(
        finding(
          `line ${line}, column ${column}`,
          'referential/duplicate-column',
          `column "${column}" appears twice`,
        ),
      )
    } else if (!expected.includes(column)) {
      findings.push(
        finding(
          `line ${line}, column ${column}`,
          'referential/unknown-column',
          `unknown column "${column}" (${wanted})`,
        ),
      )
    }
    seen.add(column)
  }
  for (const column of expected) {
    if (!seen.has(column)) {
      findings.push(
        finding(
          `line ${line}`,
          'referential/missing-column',
          `the header lacks column ${column} (${wanted})`,
        ),
      )
    }
  }
  return findings
}
