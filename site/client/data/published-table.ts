/**
 * The published table JSON (`datasets/<slug>/<table>.json`, written by `passerelle publish`) as the
 * browser reads it, and a cached loader.
 */

/** One value of a row: a dimension code, a measure value, a status, or null for an empty field. */
export type RowValue = string | number | null

/** A row of a published table: one cell of the cross of its dimensions, every measure beside it. */
export type Row = Readonly<Record<string, RowValue>>

/** The contents of `<table>.json`. */
export interface PublishedTable {
  readonly table: string
  readonly title: string
  /** Dimension columns, in table order (the rest of the columns are measures and their companions). */
  readonly dimensions: readonly string[]
  readonly columns: readonly { readonly name: string; readonly type: string }[]
  readonly rows: readonly Row[]
}

/** The total code at the top of every hierarchy (SDMX convention). */
export const TOTAL = '_T'

/** The measure columns of a table: neither a dimension nor a `_statut`/`_ic_bas`/`_ic_haut` companion. */
export function measuresOf(table: Pick<PublishedTable, 'dimensions' | 'columns'>): string[] {
  const names = new Set(table.columns.map((c) => c.name))
  return table.columns
    .map((c) => c.name)
    .filter((n) => !table.dimensions.includes(n) && names.has(`${n}_statut`))
}

const cache = new Map<string, Promise<unknown>>()

/** Fetches and parses JSON once per absolute URL (several figures of a page often share a table). */
export function fetchJson<T>(url: string): Promise<T> {
  const key = new URL(url, document.baseURI).href
  let pending = cache.get(key)
  if (!pending) {
    pending = fetch(key).then((response) => {
      if (!response.ok) throw new Error(`cannot load ${url}: HTTP ${response.status}`)
      return response.json()
    })
    cache.set(key, pending)
  }
  return pending as Promise<T>
}

/** Fetches a text file once per absolute URL; resolves to `null` when it does not exist. */
export function fetchText(url: string): Promise<string | null> {
  const key = new URL(url, document.baseURI).href
  let pending = cache.get(key) as Promise<string | null> | undefined
  if (!pending) {
    pending = fetch(key).then((response) => (response.ok ? response.text() : null))
    cache.set(key, pending)
  }
  return pending
}
