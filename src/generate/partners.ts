/**
 * The partners of a generated hub: 18 Régions, 11 OPCO, France Travail, Caisse des Dépôts,
 * Transitions Pro, Agefiph and the CEP operators (DOMAIN.md, "The actors").
 * @module
 */
import type { GeneratorReference } from './reference.ts'

/** The kinds of `partners.csv`. */
export type PartnerKind = 'REGION' | 'OPCO' | 'FT' | 'CDC' | 'TPRO' | 'AGEFIPH' | 'CEP'

/** One partner: its code (`^[A-Z0-9_]{2,24}$`), name and kind. */
export interface Partner {
  readonly code: string
  readonly name: string
  readonly kind: PartnerKind
}

/** The partner code of a Région (`R` + région code, e.g. `R84`). */
export function regionPartner(regionCode: string): string {
  return `R${regionCode}`
}

/** Every partner, in the order of `partners.csv`. */
export function buildPartners(reference: GeneratorReference): Partner[] {
  const partners: Partner[] = reference.regions.map((r) => ({
    code: regionPartner(r.code),
    name: `Région ${r.name}`,
    kind: 'REGION',
  }))
  for (const o of reference.opco) partners.push({ code: o.code, name: o.name, kind: 'OPCO' })
  partners.push(
    { code: 'FT', name: 'France Travail', kind: 'FT' },
    { code: 'CDC', name: 'Caisse des Dépôts (Mon Compte Formation)', kind: 'CDC' },
    { code: 'TPRO', name: 'Transitions Pro', kind: 'TPRO' },
    { code: 'AGEFIPH', name: 'Agefiph', kind: 'AGEFIPH' },
  )
  for (const c of reference.cepOperators) {
    if (c.code !== 'FT') partners.push({ code: c.code, name: c.name, kind: 'CEP' })
  }
  return partners
}
