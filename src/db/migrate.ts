import { type Kysely, type MigrationResultSet, Migrator } from 'kysely'
import type { Database } from './database.ts'
import * as initial from './migrations/2026_11_28_12_00_00_initial.ts'
import * as partnerAccess from './migrations/2026_12_02_19_00_00_partner_access.ts'
import * as changeFeedIndex from './migrations/2026_12_03_08_00_00_change_feed_index.ts'
import * as tokenDossierRead from './migrations/2026_12_03_09_00_00_token_dossier_read.ts'
import * as identityRls from './migrations/2026_12_03_18_00_00_identity_rls.ts'
import * as changeFeedCommitOrder from './migrations/2026_12_04_22_00_00_change_feed_commit_order.ts'
import * as organismNda from './migrations/2026_12_06_00_00_00_organism_nda.ts'
import * as partnerSummary from './migrations/2026_12_06_03_00_00_partner_summary.ts'
import * as ownEmployed from './migrations/2026_12_06_04_00_00_own_employed.ts'
import * as transmissionProgress from './migrations/2026_12_06_05_00_00_transmission_progress.ts'
import * as tokenExpiry from './migrations/2026_12_06_10_00_00_token_expiry.ts'
import * as passwordToChange from './migrations/2026_12_06_11_00_00_password_to_change.ts'
import * as userLastSignIn from './migrations/2026_12_06_12_00_00_user_last_sign_in.ts'
import * as operatorAction from './migrations/2026_12_06_13_00_00_operator_action.ts'
import * as definerExecute from './migrations/2026_12_06_14_00_00_definer_execute.ts'
import * as auditShownRecords from './migrations/2026_12_06_15_00_00_audit_shown_records.ts'
import * as dossierFunding from './migrations/2026_12_06_16_00_00_dossier_funding.ts'
import * as readShownFromRows from './migrations/2026_12_07_00_00_00_read_shown_from_rows.ts'
import * as hubKey from './migrations/2026_12_07_10_00_00_hub_key.ts'
import * as transmissionAbandoned from './migrations/2026_12_07_11_00_00_transmission_abandoned.ts'
import * as cepDashboardSummary from './migrations/2026_12_07_12_00_00_cep_dashboard_summary.ts'

/** Every migration, by name; names sort in the order they apply. */
export const migrations = {
  '2026_11_28_12_00_00_initial': initial,
  '2026_12_02_19_00_00_partner_access': partnerAccess,
  '2026_12_03_08_00_00_change_feed_index': changeFeedIndex,
  '2026_12_03_09_00_00_token_dossier_read': tokenDossierRead,
  '2026_12_03_18_00_00_identity_rls': identityRls,
  '2026_12_04_22_00_00_change_feed_commit_order': changeFeedCommitOrder,
  '2026_12_06_00_00_00_organism_nda': organismNda,
  '2026_12_06_03_00_00_partner_summary': partnerSummary,
  '2026_12_06_04_00_00_own_employed': ownEmployed,
  '2026_12_06_05_00_00_transmission_progress': transmissionProgress,
  '2026_12_06_10_00_00_token_expiry': tokenExpiry,
  '2026_12_06_11_00_00_password_to_change': passwordToChange,
  '2026_12_06_12_00_00_user_last_sign_in': userLastSignIn,
  '2026_12_06_13_00_00_operator_action': operatorAction,
  '2026_12_06_14_00_00_definer_execute': definerExecute,
  '2026_12_06_15_00_00_audit_shown_records': auditShownRecords,
  '2026_12_06_16_00_00_dossier_funding': dossierFunding,
  '2026_12_07_00_00_00_read_shown_from_rows': readShownFromRows,
  '2026_12_07_10_00_00_hub_key': hubKey,
  '2026_12_07_11_00_00_transmission_abandoned': transmissionAbandoned,
  '2026_12_07_12_00_00_cep_dashboard_summary': cepDashboardSummary,
}

/** Brings the schema to the latest migration. Never throws: the result says what applied and what failed. */
export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
  })
  return migrator.migrateToLatest()
}
