import { parse } from 'csv-parse/sync'
import { beforeAll, describe, expect, it } from 'vitest'
import { LICENCE, sha256 } from './datapackage.ts'
import { datasetFiles } from './dataset-files.ts'
import type { DatasetFile } from './types.ts'
import { DATASET, LABELS, protectFixture } from './write.fixture.ts'

/**
 * Checks a Tabular Data Package against the rules of the v1 specs that apply to our files:
 * descriptor properties, resource files (size, hash, header), Table Schema (types, constraints,
 * primary and foreign keys) and the data itself. Returns what is wrong, as sentences.
 */
function checkPackage(files: readonly DatasetFile[]): string[] {
  const problems: string[] = []
  const byPath = new Map(files.map((f) => [f.path, f.bytes]))
  const pkg = JSON.parse(new TextDecoder().decode(byPath.get('datapackage.json')))
  const name = /^[-a-z0-9._/]+$/
  if (pkg.profile !== 'tabular-data-package') problems.push(`package profile ${pkg.profile}`)
  if (!name.test(pkg.name ?? '')) problems.push(`package name ${pkg.name}`)
  for (const key of ['title', 'description'])
    if (typeof pkg[key] !== 'string') problems.push(`package ${key}`)
  if (!Array.isArray(pkg.licenses) || !pkg.licenses.every((l: any) => l.name || l.path))
    problems.push('licenses')
  if (!Array.isArray(pkg.resources) || pkg.resources.length === 0) return [...problems, 'no resources']
  const resources = new Map<string, any>(pkg.resources.map((r: any) => [r.name, r]))
  if (resources.size !== pkg.resources.length) problems.push('duplicate resource names')
  const data = new Map<string, Record<string, string>[]>()
  for (const r of pkg.resources) {
    const at = `resource ${r.name}`
    if (!name.test(r.name ?? '')) problems.push(`${at}: name`)
    if (r.profile !== 'tabular-data-resource' || !r.schema) problems.push(`${at}: not tabular`)
    if (typeof r.path !== 'string' || r.path.startsWith('/') || r.path.includes('..'))
      problems.push(`${at}: path`)
    const bytes = byPath.get(r.path)
    if (!bytes) {
      problems.push(`${at}: no file ${r.path}`)
      continue
    }
    if (r.format !== 'csv' || r.mediatype !== 'text/csv' || r.encoding !== 'utf-8')
      problems.push(`${at}: format`)
    if (r.bytes !== bytes.byteLength) problems.push(`${at}: bytes ${r.bytes} ≠ ${bytes.byteLength}`)
    if (r.hash !== `sha256:${sha256(bytes)}`) problems.push(`${at}: hash`)
    if (r.dialect?.delimiter !== ',' || r.dialect?.header !== true) problems.push(`${at}: dialect`)
    const rows: string[][] = parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
    const [header = [], ...body] = rows
    const fields: any[] = r.schema.fields ?? []
    const names = fields.map((f) => f.name)
    if (header.join() !== names.join())
      problems.push(`${at}: header ${header.join()} ≠ fields ${names.join()}`)
    if (new Set(names).size !== names.length) problems.push(`${at}: duplicate field names`)
    if (JSON.stringify(r.schema.missingValues) !== '[""]') problems.push(`${at}: missingValues`)
    const records = body.map((row) => Object.fromEntries(header.map((h, i) => [h, row[i] ?? ''])))
    body.forEach((row, i) => {
      if (row.length !== header.length) problems.push(`${at}: row ${i + 2} has ${row.length} fields`)
    })
    data.set(r.name, records)
    for (const f of fields) {
      if (!['string', 'integer', 'number'].includes(f.type)) problems.push(`${at}.${f.name}: type ${f.type}`)
      if (typeof f.title !== 'string' || typeof f.description !== 'string')
        problems.push(`${at}.${f.name}: docs`)
      const c = f.constraints ?? {}
      const values = records.map((rec) => rec[f.name] ?? '')
      values.forEach((v, i) => {
        const where = `${at}.${f.name} row ${i + 2}`
        if (v === '') {
          if (c.required) problems.push(`${where}: required`)
          return
        }
        if (f.type === 'integer' && !/^-?\d+$/.test(v)) problems.push(`${where}: not an integer: ${v}`)
        if (f.type === 'number' && !/^-?\d+(\.\d+)?$/.test(v)) problems.push(`${where}: not a number: ${v}`)
        if (c.enum && !c.enum.includes(v)) problems.push(`${where}: not in enum: ${v}`)
        if (c.minimum !== undefined && Number(v) < c.minimum) problems.push(`${where}: < minimum`)
        if (c.maximum !== undefined && Number(v) > c.maximum) problems.push(`${where}: > maximum`)
      })
      const present = values.filter((v) => v !== '')
      if (c.unique && new Set(present).size !== present.length) problems.push(`${at}.${f.name}: not unique`)
    }
    const key: string[] = r.schema.primaryKey ?? []
    if (key.length === 0 || !key.every((k) => names.includes(k))) problems.push(`${at}: primaryKey ${key}`)
    const keys = records.map((rec) => key.map((k) => rec[k]).join('\u0000'))
    if (new Set(keys).size !== keys.length) problems.push(`${at}: duplicate primary key`)
  }
  for (const r of pkg.resources) {
    for (const fk of r.schema?.foreignKeys ?? []) {
      const target = fk.reference.resource === '' ? r : resources.get(fk.reference.resource)
      const at = `resource ${r.name} foreign key ${fk.fields}`
      if (!target) {
        problems.push(`${at}: no resource ${fk.reference.resource}`)
        continue
      }
      if (!r.schema.fields.some((f: any) => f.name === fk.fields)) problems.push(`${at}: no such field`)
      if (!target.schema.fields.some((f: any) => f.name === fk.reference.fields))
        problems.push(`${at}: no target field`)
      const known = new Set((data.get(target.name) ?? []).map((rec) => rec[fk.reference.fields]))
      for (const rec of data.get(r.name) ?? [])
        if (rec[fk.fields] !== '' && !known.has(rec[fk.fields]))
          problems.push(`${at}: unknown ${rec[fk.fields]}`)
    }
  }
  return problems
}

let files: DatasetFile[]
beforeAll(async () => {
  const result = datasetFiles(DATASET, await protectFixture(), LABELS)
  if (!result.ok) throw new Error(JSON.stringify(result.issues))
  files = result.value
})

const descriptor = () =>
  JSON.parse(new TextDecoder().decode(files.find((f) => f.path === 'datapackage.json')!.bytes))

describe('datapackage.json', () => {
  it('is a valid Tabular Data Package: every CSV described, typed, keyed and hashed as written', () => {
    expect(checkPackage(files)).toEqual([])
  })

  it('names the dataset, its Licence Ouverte 2.0 and one resource per CSV file, tables then hierarchies', () => {
    const pkg = descriptor()
    expect({ name: pkg.name, title: pkg.title, licenses: pkg.licenses }).toEqual({
      name: 'sorties-test',
      title: DATASET.title,
      licenses: [LICENCE],
    })
    expect(pkg.resources.map((r: any) => [r.name, r.path])).toEqual([
      ['sorties_region_sexe', 'sorties_region_sexe.csv'],
      ['financements_region', 'financements_region.csv'],
      ['hierarchie_territoire', 'hierarchies/territoire.csv'],
      ['hierarchie_sexe', 'hierarchies/sexe.csv'],
    ])
    expect(files.filter((f) => f.path.endsWith('.csv')).map((f) => f.path)).toEqual(
      pkg.resources.map((r: any) => r.path),
    )
  })

  it('keys tables by their dimensions, each a foreign key to its hierarchy, and documents units', () => {
    const schema = descriptor().resources[0].schema
    expect({ primaryKey: schema.primaryKey, foreignKeys: schema.foreignKeys }).toEqual({
      primaryKey: ['territoire', 'sexe'],
      foreignKeys: [
        { fields: 'territoire', reference: { resource: 'hierarchie_territoire', fields: 'code' } },
        { fields: 'sexe', reference: { resource: 'hierarchie_sexe', fields: 'code' } },
      ],
    })
    expect(schema.fields.find((f: any) => f.name === 'heures_realisees')).toEqual({
      name: 'heures_realisees',
      type: 'number',
      title: 'Heures réalisées',
      description:
        'Somme des heures effectivement suivies, sur les sorties (une sortie sans heures suivies déclarées compte pour 0).',
      unit: 'heures',
      constraints: { minimum: 0 },
    })
  })

  it('the checker catches a column out of order, a stale hash and a code missing from its hierarchy', () => {
    const edit = (path: string, change: (text: string) => string) =>
      files.map((f) =>
        f.path === path
          ? { path, bytes: new TextEncoder().encode(change(new TextDecoder().decode(f.bytes))) }
          : f,
      )
    const swapped = edit('financements_region.csv', (t) =>
      t.replace('territoire,nb_financements', 'nb_financements,territoire'),
    )
    expect(checkPackage(swapped)).toContain(
      'resource financements_region: header nb_financements,territoire,nb_financements_statut,montant_engage,montant_engage_statut,montant_moyen,montant_moyen_statut ≠ fields territoire,nb_financements,nb_financements_statut,montant_engage,montant_engage_statut,montant_moyen,montant_moyen_statut',
    )
    expect(checkPackage(swapped)).toContain('resource financements_region: hash')
    const orphan = edit('hierarchies/territoire.csv', (t) =>
      t.replace('R93,_T,Provence-Alpes-Côte d’Azur,region\n', ''),
    )
    expect(checkPackage(orphan)).toContain('resource financements_region foreign key territoire: unknown R93')
  })
})
