import type { Insertable } from 'kysely'
import type { CatalogueOfferTable } from '../db/database.ts'
import type { ReferentialSpec } from './spec.ts'

/** Training modalities of the exchange format. */
export const MODALITIES = ['PRESENTIEL', 'MIXTE', 'DISTANCE'] as const

/**
 * `catalogue`: `offer_ref,siret,certification_code,formacode,commune,modality,hours,price`, the
 * regional training-offer catalogue. offer_ref required and unique, SIRET (Luhn) required; commune,
 * modality, hours and price may be empty, and are checked when given.
 */
export const catalogueSpec: ReferentialSpec<Insertable<CatalogueOfferTable>> = {
  kind: 'catalogue',
  noun: 'catalogue offers',
  header: ['offer_ref', 'siret', 'certification_code', 'formacode', 'commune', 'modality', 'hours', 'price'],
  table: 'catalogue_offer',
  columns: {
    offer_ref: 'text',
    siret: 'text',
    certification_code: 'text',
    formacode: 'text',
    commune: 'text',
    modality: 'text',
    hours: 'numeric',
    price: 'numeric',
  },
  unique: { column: 'offer_ref', csvColumn: 'offer_ref', showValue: true },
  privateColumns: new Set(),
  needsSecret: false,
  parse(c, context) {
    const row = {
      offer_ref: c.required('offer_ref'),
      siret: c.siret('siret'),
      certification_code: c.optional('certification_code'),
      formacode: c.optional('formacode'),
      commune: c.commune('commune', context.communes),
      modality: c.oneOf('modality', MODALITIES, 'invalid-modality', 'PRESENTIEL, MIXTE or DISTANCE', true),
      hours: c.number('hours', { min: 0 }, 'invalid-number', 'a number ≥ 0'),
      price: c.number('price', { min: 0 }, 'invalid-number', 'a number ≥ 0'),
    }
    return c.ok ? row : null
  },
}
