/**
 * Test fixture: reads the public reference cases of /work/shared/docs/privacy-cases (data copied
 * from sdcTable, τ-ARGUS and ARX; see its README.md). Only tests import this file.
 * @module
 */
// biome-ignore lint/style/noRestrictedImports: a test fixture, not library code, reads the shared case files
import { readFileSync } from 'node:fs'
import { parseCsv } from './parse-csv.ts'
import type { CellRef, HierarchyRow, LeafRow, TableInput } from './types.ts'

/** The folder of the shared cases (repo at /work/main, shared at /work/shared). */
export const CASES = new URL('../../../shared/docs/privacy-cases/', import.meta.url)

/** The text of a case file. */
export function caseText(file: string): string {
  return readFileSync(new URL(file, CASES), 'utf8')
}

/** A hierarchy file as rows. */
export function caseHierarchy(file: string): HierarchyRow[] {
  return parseCsv(caseText(file)).records.map((r) => ({
    code: r.fields[0]!,
    parent: r.fields[1] ?? '',
    line: r.line,
  }))
}

/** A data file (dimension columns + `n` or another count column) as a table input. */
export function caseTable(
  file: string,
  dimensions: readonly string[],
  hierarchies: Record<string, HierarchyRow[]> = {},
  count = 'n',
): TableInput {
  const csv = parseCsv(caseText(file))
  const at = (name: string) => csv.header.indexOf(name)
  const rows: LeafRow[] = csv.records.map((r) => ({
    codes: dimensions.map((d) => r.fields[at(d)]!),
    n: Number(r.fields[at(count)]),
    line: r.line,
  }))
  return { name: file, dimensions, hierarchies, rows }
}

/** A primary file (dimension columns) as cell references. */
export function casePrimary(file: string): CellRef[] {
  const csv = parseCsv(caseText(file))
  return csv.records.map((r) => ({ codes: Object.fromEntries(csv.header.map((h, i) => [h, r.fields[i]!])) }))
}

/** An expected output of the reference implementation: status and bounds per cell. */
export function caseExpected(
  file: string,
): { codes: string[]; n: number; status: string; low?: number; up?: number }[] {
  const csv = parseCsv(caseText(`expected/${file}`))
  const dims = csv.header.length - 4
  return csv.records.map((r) => ({
    codes: r.fields.slice(0, dims),
    n: Number(r.fields[dims]),
    status: r.fields[dims + 1]!,
    ...(r.fields[dims + 2] ? { low: Number(r.fields[dims + 2]), up: Number(r.fields[dims + 3]) } : {}),
  }))
}
