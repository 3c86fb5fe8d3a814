import { sql } from 'kysely'
import type { PartnerScope } from './partner-tx.ts'

/** The two kinds of records a partner sends (spec, "Records"): training dossiers, CEP periods. */
export interface RecordSources {
  readonly dossiers: boolean
  readonly cep: boolean
}

/**
 * Which records the partner area offers a partner dashboards and downloads of: those its kind
 * sends (a CEP operator its periods, a funder its dossiers), and those it holds whatever its kind.
 * Neither alone stays true when the two disagree: France Travail is registered as a funder and
 * also sends CEP periods, and the hub takes either record from any partner; a partner that has
 * sent nothing yet is offered what its kind will send, never nothing. So no partner is offered a
 * file that both its kind and its data say is empty, nor denied one that holds its rows.
 * @example sourcesShown('CEP', { dossiers: false, cep: false }) // { dossiers: false, cep: true }
 * @example sourcesShown('FT', { dossiers: true, cep: true }) // { dossiers: true, cep: true }
 */
export function sourcesShown(kind: string, held: RecordSources): RecordSources {
  return { dossiers: kind !== 'CEP' || held.dossiers, cep: kind === 'CEP' || held.cep }
}

/**
 * The partner's kind and whether it holds dossiers and CEP periods (cancelled ones included: the
 * export lists them), read in its scope, as {@link sourcesShown} turns them into what to offer. Two
 * index probes; nothing nominative is read, so nothing is audited.
 */
export async function readSourcesShown(scope: PartnerScope): Promise<RecordSources> {
  const { rows } = await sql<{ kind: string; dossiers: boolean; cep: boolean }>`
    select p.kind,
      exists (select 1 from dossier_current d where d.partner_id = p.id) as dossiers,
      exists (select 1 from cep_current c where c.partner_id = p.id) as cep
    from partner p where p.id = ${scope.partnerId}`.execute(scope.db)
  const row = rows[0]
  if (!row) throw new Error(`no partner of id ${scope.partnerId}`)
  return sourcesShown(row.kind, { dossiers: row.dossiers === true, cep: row.cep === true })
}
