import type { Kysely } from 'kysely'
import type { Database } from '../src/db/database.ts'
import { applyBatch } from '../src/ingest/apply-batch.ts'
import type { RecordResult } from '../src/ingest/outcome.ts'
import { openApiTransmission } from '../src/ingest/transmission.repository.ts'
import { addPartner, type PartnerKind } from '../src/partners/partner.repository.ts'
import { items } from './fixtures.ts'

/** Registers partners named by their code and kind; their ids by code. */
export async function addTestPartners(
  db: Kysely<Database>,
  partners: readonly (readonly [code: string, kind: PartnerKind])[],
): Promise<Record<string, number>> {
  const ids: Record<string, number> = {}
  for (const [code, kind] of partners)
    ids[code] = (await addPartner(db, { code, name: code, kind })).partner.id
  return ids
}

/** Sends raw records as one API batch of the partner `code`, as `POST /records` does; their results. */
export function batchSender(db: Kysely<Database>, ids: Readonly<Record<string, number>>) {
  return async (code: string, raws: unknown[]): Promise<RecordResult[]> => {
    const partnerId = ids[code]!
    const transmissionId = await openApiTransmission(db, partnerId, 'test')
    return applyBatch(db, { partnerId, transmissionId }, await items(raws))
  }
}
