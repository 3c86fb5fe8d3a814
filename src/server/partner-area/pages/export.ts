import { html } from 'hono/html'
import { EXPORT_COLUMNS } from '../../../access/export.ts'
import { type Html, page } from '../layout.ts'

type SessionInfo = Parameters<typeof page>[2] & {}

/**
 * The export page: the CSV of every record the partner may read, for a spreadsheet (first: it is
 * what people here open it with) or for a program (the API's file, as the API serves it).
 */
export function exportPage(session: SessionInfo): Html {
  return page(
    'Export de vos données',
    html`<p>Une ligne par dossier que vous pouvez lire : les vôtres, avec l’identité que vous avez transmise, et ceux de vos cofinanceurs sur les dossiers partagés, sans leur identité.</p>
<ul>
<li><a href="/espace-partenaire/export.csv?format=excel" download>Télécharger l’export pour un tableur</a> (Excel, LibreOffice : point-virgule, virgule décimale, codes gardés en texte, comme la commune 01053 ou le SIRET)</li>
<li><a href="/espace-partenaire/export.csv" download>Télécharger l’export pour un programme</a> (CSV standard RFC 4180 : UTF-8, virgule, valeurs telles qu’enregistrées, le fichier de l’API)</li>
</ul>
<details><summary>Colonnes</summary><p>${EXPORT_COLUMNS.join(', ')}</p></details>`,
    session,
  )
}
