import { Readable } from 'node:stream'
import { fileURLToPath } from 'node:url'
import rdf from '@zazuko/env-node'
import SHACLValidator from 'rdf-validate-shacl'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildCatalog, type CatalogDocument } from './build-catalog.ts'
import { RELEASE } from './catalog.fixture.ts'
import { toNQuadsOffline } from './json-ld.ts'

// The official DCAT-AP 3.0.1 shapes (SEMIC release), kept read-only beside the project. The release
// has no separate range or vocabulary shapes here: its `sh:class` constraints are in this file.
const SHAPES = fileURLToPath(
  new URL('../../../../shared/reference/dcat-ap/dcat-ap-SHACL.ttl', import.meta.url),
)
const SH = 'http://www.w3.org/ns/shacl#'

let validator: SHACLValidator

beforeAll(async () => {
  const shapes = await rdf.dataset().import(rdf.fromFile(SHAPES))
  validator = new SHACLValidator(shapes, { factory: rdf })
})

/** The catalogue as RDF quads, through the JSON-LD processor, offline. */
async function toDataset(doc: CatalogDocument) {
  const nquads = await toNQuadsOffline(doc)
  const parsed = rdf.formats.parsers.import('application/n-quads', Readable.from([nquads]))
  if (!parsed) throw new Error('no n-quads parser')
  return rdf.dataset().import(parsed)
}

/** Each violation as focus node, path and the constraint broken (without the namespace). */
async function violations(doc: CatalogDocument) {
  const report = await validator.validate(await toDataset(doc))
  return report.results
    .map((r) => ({
      focus: r.focusNode?.value,
      path: r.path?.value,
      constraint: r.sourceConstraintComponent?.value.replace(SH, ''),
    }))
    .sort((a, b) =>
      `${a.focus} ${a.path} ${a.constraint}`.localeCompare(`${b.focus} ${b.path} ${b.constraint}`),
    )
}

type Node = Record<string, unknown>

/** A copy of `doc` where `edit` changed the node `id` (at any depth). */
function editNode(doc: CatalogDocument, id: string, edit: (node: Node) => void): CatalogDocument {
  const copy = structuredClone(doc) as CatalogDocument
  let found = false
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit)
    else if (value && typeof value === 'object') {
      const node = value as Node
      if (node['@id'] === id && node['@type'] !== undefined) {
        edit(node)
        found = true
      }
      Object.values(node).forEach(visit)
    }
  }
  visit(copy['@graph'])
  if (!found) throw new Error(`no node ${id}`)
  return copy
}

const BASE = 'https://passerelle.example/donnees/'
const CSV_DISTRIBUTION = `${BASE}datasets/entrees/#entrees_territoire.csv`
const INSERTION = `${BASE}datasets/insertion/#dataset`
const DCAT = 'http://www.w3.org/ns/dcat#'

describe('the catalogue against the DCAT-AP 3.0.1 SHACL shapes', () => {
  it('conforms: no violation', async () => {
    const doc = await buildCatalog(RELEASE)
    expect(await violations(doc)).toEqual([])
  })

  it('conforms with every default (no base URL, publisher or contact given)', async () => {
    const doc = await buildCatalog({ releaseDate: '2026-11-28', datasets: RELEASE.datasets })
    expect(await violations(doc)).toEqual([])
  })

  it('reports a distribution without access URL and a dataset without description', async () => {
    const doc = await buildCatalog(RELEASE)
    const broken = editNode(
      editNode(doc, CSV_DISTRIBUTION, (d) => delete d['dcat:accessURL']),
      INSERTION,
      (d) => delete d['dct:description'],
    )
    expect(await violations(broken)).toEqual([
      { focus: CSV_DISTRIBUTION, path: `${DCAT}accessURL`, constraint: 'MinCountConstraintComponent' },
      {
        focus: INSERTION,
        path: 'http://purl.org/dc/terms/description',
        constraint: 'MinCountConstraintComponent',
      },
    ])
  })

  it('reports a theme that is not a described skos:Concept', async () => {
    const doc = await buildCatalog(RELEASE)
    const unknownTheme = 'http://publications.europa.eu/resource/authority/data-theme/HEAL'
    const broken = editNode(doc, INSERTION, (d) => {
      d['dcat:theme'] = { '@id': unknownTheme }
    })
    expect(await violations(broken)).toEqual([
      { focus: INSERTION, path: `${DCAT}theme`, constraint: 'ClassConstraintComponent' },
    ])
  })

  it('reports two checksums on one distribution and a byte size that is not an integer', async () => {
    const doc = await buildCatalog(RELEASE)
    const broken = editNode(doc, CSV_DISTRIBUTION, (d) => {
      d['spdx:checksum'] = [d['spdx:checksum'], d['spdx:checksum']].map((c, i) => ({
        ...(c as Node),
        '@id': `_:c${i}`,
      }))
      d['dcat:byteSize'] = { '@value': '12.5', '@type': 'xsd:decimal' }
    })
    expect(await violations(broken)).toEqual([
      {
        focus: CSV_DISTRIBUTION,
        path: 'http://spdx.org/rdf/terms#checksum',
        constraint: 'MaxCountConstraintComponent',
      },
      { focus: CSV_DISTRIBUTION, path: `${DCAT}byteSize`, constraint: 'DatatypeConstraintComponent' },
    ])
  })
})
