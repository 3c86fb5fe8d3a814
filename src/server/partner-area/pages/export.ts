import { html } from 'hono/html'
import { CEP_EXPORT_COLUMNS } from '../../../access/cep-export.ts'
import { EXPORT_COLUMNS } from '../../../access/export.ts'
import { type Html, page } from '../layout.ts'

type SessionInfo = Parameters<typeof page>[2] & {}

/**
 * The export page: the CSV of every record the partner may read, for a spreadsheet (first: it is
 * what people here open it with) or for a program (the API's file, as the API serves it); then the
 * CEP periods it sent, what a CEP operator reads back.
 */
export function exportPage(session: SessionInfo): Html {
  return page(
    'Export de vos données',
    html`<p>Une ligne par dossier que vous pouvez lire : les vôtres, avec l’identité que vous avez transmise, et ceux de vos cofinanceurs sur les dossiers partagés, sans leur identité.</p>
<ul>
<li><a href="/espace-partenaire/export.csv?format=excel" download>Télécharger l’export pour un tableur</a> (Excel, LibreOffice : point-virgule, virgule décimale, codes gardés en texte, comme la commune 01053 ou le SIRET)</li>
<li><a href="/espace-partenaire/export.csv" download>Télécharger l’export pour un programme</a> (CSV standard RFC 4180 : UTF-8, virgule, valeurs telles qu’enregistrées, le fichier de l’API)</li>
</ul>
<details><summary>Colonnes</summary><p>${EXPORT_COLUMNS.join(', ')}</p></details>
<h2>Accompagnements CEP</h2>
<p>Pour un opérateur du conseil en évolution professionnelle : une ligne par période d’accompagnement que vous avez transmise, avec l’identité transmise (le fichier d’un financeur qui n’en transmet pas n’a que sa ligne d’en-tête).</p>
<ul>
<li><a href="/espace-partenaire/export-cep.csv?format=excel" download>Télécharger les accompagnements pour un tableur</a></li>
<li><a href="/espace-partenaire/export-cep.csv" download>Télécharger les accompagnements pour un programme</a></li>
</ul>
<details><summary>Colonnes</summary><p>${CEP_EXPORT_COLUMNS.join(', ')}</p></details>`,
    session,
  )
}
