import { html } from 'hono/html'
import { EXPORT_COLUMNS } from '../../../access/export.ts'
import { type Html, page } from '../layout.ts'

type SessionInfo = Parameters<typeof page>[2] & {}

/** The export page: a link to the CSV of every record the partner may read. */
export function exportPage(session: SessionInfo): Html {
  return page(
    'Export de vos données',
    html`<p>Un fichier CSV (UTF-8, virgule) d’une ligne par dossier que vous pouvez lire : les vôtres, avec l’identité que vous avez transmise, et ceux de vos cofinanceurs sur les dossiers partagés, sans leur identité.</p>
<p><a href="/espace-partenaire/export.csv" download>Télécharger l’export</a></p>
<details><summary>Colonnes</summary><p>${EXPORT_COLUMNS.join(', ')}</p></details>`,
    session,
  )
}
