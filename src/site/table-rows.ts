import type { Row, TableData } from './published.ts'

/** The total code of every dimension. */
export const TOTAL = '_T'

/** Whether a period code is a year (`2025`; quarters and months are `2025-T1`, `2025-01`). */
export const isYear = (code: string): boolean => /^\d{4}$/.test(code)

/** Territorial level of a code: `R84` région, `D01` département, `C01053` commune. */
export function territoryLevel(code: string): 'region' | 'departement' | 'commune' | 'total' | undefined {
  if (code === TOTAL) return 'total'
  if (/^R/.test(code)) return 'region'
  if (/^D/.test(code)) return 'departement'
  if (/^C/.test(code)) return 'commune'
  return undefined
}

/**
 * The rows of a table along one dimension: every dimension other than `along` is held at the code
 * `fixed` gives it, or at the total; the result maps each code of `along` (total excluded) to its row,
 * in the table's order.
 * @example slice(data, 'periode', { territoire: '_T' }) // 2021 → row, 2022 → row, …
 */
export function slice(
  data: TableData,
  along: string,
  fixed: Readonly<Record<string, string>> = {},
): Map<string, Row> {
  const others = data.dimensions.filter((d) => d !== along)
  const result = new Map<string, Row>()
  for (const row of data.rows) {
    const code = row[along]
    if (typeof code !== 'string' || code === TOTAL) continue
    if (others.every((d) => row[d] === (fixed[d] ?? TOTAL))) result.set(code, row)
  }
  return result
}

/** The row where each dimension has the code `codes` gives it, or the total. */
export function cell(data: TableData, codes: Readonly<Record<string, string>> = {}): Row | undefined {
  return data.rows.find((row) => data.dimensions.every((d) => row[d] === (codes[d] ?? TOTAL)))
}

/** A published value (status `V` and a number), or undefined. */
export function publishedValue(row: Row | undefined, measure: string): number | undefined {
  const value = row?.[measure]
  return row?.[`${measure}_statut`] === 'V' && typeof value === 'number' ? value : undefined
}
