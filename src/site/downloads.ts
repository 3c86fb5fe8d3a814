import { escapeAttribute, escapeHtml } from './html.ts'

/** The formats every published table is written in, with their labels. */
export const TABLE_FORMATS: readonly { readonly ext: string; readonly label: string }[] = [
  { ext: 'csv', label: 'CSV' },
  { ext: 'json', label: 'JSON' },
  { ext: 'parquet', label: 'Parquet' },
]

/** Links to a published table in every format, `CSV · JSON · Parquet`. */
export function tableDownloads(root: string, slug: string, table: string, title: string): string {
  return TABLE_FORMATS.map(
    ({ ext, label }) =>
      `<a href="${escapeAttribute(`${root}datasets/${slug}/${table}.${ext}`)}" download>${label}<span class="visually-hidden"> : ${escapeHtml(title)}</span></a>`,
  ).join(' · ')
}
