import { html } from 'hono/html'
import { CEP_EXPORT_COLUMNS } from '../../../access/cep-export.ts'
import { EXPORT_COLUMNS } from '../../../access/export.ts'
import type { RecordSources } from '../../../access/record-sources.ts'
import { type Html, page } from '../layout.ts'

type SessionInfo = Parameters<typeof page>[2] & {}

function dossierDownloads(): Html {
  return html`<p>Une ligne par dossier que vous pouvez lire : les vôtres, avec l’identité que vous avez transmise, et ceux de vos cofinanceurs sur les dossiers partagés, sans leur identité.</p>
<ul>
<li><a href="/espace-partenaire/export.csv?format=excel" download>Télécharger l’export pour un tableur</a> (Excel, LibreOffice : point-virgule, virgule décimale, codes gardés en texte, comme la commune 01053 ou le SIRET)</li>
<li><a href="/espace-partenaire/export.csv" download>Télécharger l’export pour un programme</a> (CSV standard RFC 4180 : UTF-8, virgule, valeurs telles qu’enregistrées, le fichier de l’API)</li>
</ul>
<details><summary>Colonnes</summary><p>${EXPORT_COLUMNS.join(', ')}</p></details>`
}

function cepDownloads(): Html {
  return html`<h2>Accompagnements CEP</h2>
<p>Une ligne par période d’accompagnement que vous avez transmise, avec l’identité transmise et l’état actuel de la période.</p>
<ul>
<li><a href="/espace-partenaire/export-cep.csv?format=excel" download>Télécharger les accompagnements pour un tableur</a></li>
<li><a href="/espace-partenaire/export-cep.csv" download>Télécharger les accompagnements pour un programme</a></li>
</ul>
<details><summary>Colonnes</summary><p>${CEP_EXPORT_COLUMNS.join(', ')}</p></details>`
}

/**
 * The export page: for the partner's dossiers, the CSV of every record it may read, for a
 * spreadsheet (first: it is what people here open it with) or for a program (the API's file, as
 * the API serves it); for its CEP periods, the periods it sent, in the same two formats. `shown`
 * says which of the two it can have rows in (sourcesShown of src/access/record-sources.ts): a
 * funder is not offered a CEP file that could hold only its header, nor a CEP operator a dossier
 * file.
 */
export function exportPage(session: SessionInfo, shown: RecordSources): Html {
  const body =
    shown.dossiers && shown.cep
      ? html`<h2>Dossiers de formation</h2>
${dossierDownloads()}
${cepDownloads()}`
      : shown.cep
        ? cepDownloads()
        : dossierDownloads()
  return page('Export de vos données', body, session)
}
