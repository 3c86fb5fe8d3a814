/**
 * Lines of `rows` with each column padded to its widest cell, two spaces apart, the last column
 * left as is. Partner codes run from 3 characters to 13 (OPCOMOBILITES) and more: a fixed width
 * shifted every column after a long one.
 */
export function alignColumns(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = []
  for (const row of rows)
    for (const [i, cell] of row.entries()) widths[i] = Math.max(widths[i] ?? 0, cell.length)
  return rows.map((row) =>
    row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  '),
  )
}
