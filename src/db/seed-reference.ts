import { type Kysely, sql } from 'kysely'
import { loadCommunes, readCodeList } from '../reference/code-lists.ts'
import type { Database } from './database.ts'

/** The code lists of reference/codes loaded into `code_list`: list name → file, code column, label column. */
const lists = [
  ['regions', 'regions.csv', 'code_region', 'nom'],
  ['departements', 'departements.csv', 'code_departement', 'nom'],
  ['dispositifs', 'dispositifs.csv', 'code', 'libelle'],
  ['statuts_stagiaire', 'statuts_stagiaire.csv', 'code', 'libelle'],
  ['operateurs_cep', 'operateurs_cep.csv', 'code', 'libelle'],
  ['opco', 'opco.csv', 'code_proposé', 'nom'],
  ['niveaux_certification', 'niveaux_certification.csv', 'niveau', 'descripteur'],
  ['nsf_groupes_specialites', 'nsf_groupes_specialites.csv', 'code_nsf', 'libelle'],
  ['nsf_codes_lettres', 'nsf_codes_lettres.csv', 'code', 'libelle'],
  ['lheo_financeurs', 'lheo_financeurs.csv', 'code', 'libelle'],
  ['types_evenements', 'types_evenements.csv', 'code', 'libelle'],
] as const

/**
 * Loads communes and code lists shipped with the project into their reference tables. Idempotent:
 * rows are replaced in one transaction, so a newer package version simply refreshes them.
 */
export async function seedReference(db: Kysely<Database>): Promise<{ communes: number; codes: number }> {
  // A commune déléguée may share its code with the commune it belongs to: keep the current commune.
  const rank = (type: string) => (type === 'commune-actuelle' ? 0 : 1)
  const communes = loadCommunes().sort((a, b) => rank(a.type) - rank(b.type))
  const codes: { list: string; code: string; label: string; attributes: Record<string, string> }[] = []
  for (const [list, file, codeColumn, labelColumn] of lists) {
    for (const row of await readCodeList(file)) {
      const { [codeColumn]: code, [labelColumn]: label, ...attributes } = row
      if (code) codes.push({ list, code, label: label ?? '', attributes })
    }
  }
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom('commune').execute()
    await sql`insert into commune (code, name, type, departement, region, population, parent)
      select code, name, type, departement, region, population, parent
      from json_to_recordset(${JSON.stringify(communes)}::json)
        as x(code text, name text, type text, departement text, region text, population integer, parent text)
      on conflict (code) do nothing`.execute(tx)
    await tx.deleteFrom('code_list').execute()
    await sql`insert into code_list (list, code, label, attributes)
      select list, code, label, attributes::jsonb
      from json_to_recordset(${JSON.stringify(codes)}::json)
        as x(list text, code text, label text, attributes json)`.execute(tx)
  })
  return { communes: communes.length, codes: codes.length }
}
