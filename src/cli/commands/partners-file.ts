import { basename } from 'node:path'
import { readCsvAll } from '../../lib/csv.ts'
import { PARTNER_KINDS, type PartnerKind } from '../../partners/partner.repository.ts'

/** A partner code: what `partners add --code` takes, and what a partners file may hold. */
export const PARTNER_CODE = /^[A-Z0-9_]{2,24}$/

/** A partner of a partners file, with the line it is on. */
export interface PartnerLine {
  readonly line: number
  readonly code: string
  readonly name: string
  readonly kind: PartnerKind
}

/**
 * Reads a partners file (`code,name,kind`, the `partners.csv` that `generate` writes), checking
 * every line: the partners, or every problem found, each naming the file, the line, the field,
 * the value and the rule.
 */
export async function readPartnersFile(path: string): Promise<{ partners: PartnerLine[]; errors: string[] }> {
  const file = basename(path)
  let rows: Awaited<ReturnType<typeof readCsvAll>>
  try {
    rows = await readCsvAll(path)
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message
    return { partners: [], errors: [`${file}: cannot read it as CSV (${reason})`] }
  }
  const missing = ['code', 'name', 'kind'].filter((column) => rows.length > 0 && !(column in rows[0]!.values))
  if (rows.length === 0)
    return {
      partners: [],
      errors: [`${file}: no partner in it (header code,name,kind, then a line per partner)`],
    }
  if (missing.length > 0)
    return {
      partners: [],
      errors: [`${file}: the header lacks ${missing.join(', ')} (it must name code,name,kind)`],
    }
  const partners: PartnerLine[] = []
  const errors: string[] = []
  const seen = new Map<string, number>()
  for (const { line, values } of rows) {
    const code = (values.code ?? '').trim()
    const name = (values.name ?? '').trim()
    const kind = (values.kind ?? '').trim().toUpperCase()
    const at = `${file}:${line}`
    const before = errors.length
    if (!PARTNER_CODE.test(code))
      errors.push(`${at}: code "${code}" is not a partner code (2–24 characters A–Z, 0–9, _)`)
    else if (seen.has(code)) errors.push(`${at}: code "${code}" is already on line ${seen.get(code)}`)
    if (name === '') errors.push(`${at}: name is empty`)
    if (!PARTNER_KINDS.includes(kind as PartnerKind))
      errors.push(`${at}: kind "${values.kind ?? ''}" is not one of ${PARTNER_KINDS.join(', ')}`)
    if (!seen.has(code)) seen.set(code, line)
    if (errors.length === before) partners.push({ line, code, name, kind: kind as PartnerKind })
  }
  return { partners, errors }
}
