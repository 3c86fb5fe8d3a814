import { describe, expect, it } from 'vitest'
import { DIMENSIONS, type DimensionName } from './catalogue.ts'
import {
  buildHierarchies,
  type CodeListEntry,
  type HierarchyNode,
  type HierarchySources,
} from './hierarchies.ts'

const entry = (
  list: string,
  code: string,
  label: string,
  attributes: Record<string, string> = {},
): CodeListEntry => ({
  list,
  code,
  label,
  attributes,
})

const SOURCES: HierarchySources = {
  communes: [
    { code: '01053', name: 'Bourg-en-Bresse', departement: '01', region: '84', type: 'commune-actuelle' },
    { code: '75101', name: 'Paris 1er', departement: '75', region: '11', type: 'arrondissement-municipal' },
    { code: '97501', name: 'Miquelon-Langlade', departement: '975', region: '975', type: 'commune-actuelle' },
  ],
  codeLists: [
    entry('regions', '11', 'Île-de-France'),
    entry('regions', '84', 'Auvergne-Rhône-Alpes'),
    entry('departements', '01', 'Ain', { code_region: '84' }),
    entry('departements', '75', 'Paris', { code_region: '11' }),
    entry('dispositifs', 'CPF', 'Compte personnel de formation'),
    entry('dispositifs', 'PRF', 'Programme régional de formation'),
    entry('statuts_stagiaire', 'SAL_PRIVE', 'Salarié du secteur privé'),
    entry('niveaux_certification', '1', 'Maîtrise des savoirs de base', { exemples: '' }),
    entry('niveaux_certification', '3', 'Capacité…', { exemples: 'CAP, BEP' }),
    entry('nsf_groupes_specialites', '100', 'Formations générales', {
      code_domaine_4: '1',
      libelle_domaine_4: 'Domaines disciplinaires',
    }),
    entry('nsf_groupes_specialites', '221', 'Agro-alimentaire', {
      code_domaine_4: '2',
      libelle_domaine_4: 'Domaines technico-professionnels de la production',
    }),
    entry('operateurs_cep', 'APEC', 'Apec'),
    entry('operateurs_cep', 'FT', 'France Travail'),
  ],
  partners: [
    { code: 'AKTO', name: 'Akto', kind: 'OPCO' },
    { code: 'CEP_AO_84', name: 'CEP Auvergne-Rhône-Alpes', kind: 'CEP' },
    { code: 'FT', name: 'France Travail', kind: 'FT' },
    { code: 'R84', name: 'Région Auvergne-Rhône-Alpes', kind: 'REGION' },
  ],
  organisms: [
    { siret: '35600000000001', name: 'La Poste Formation', region: '84' },
    { siret: '98765432100015', name: 'Form Plus', region: null },
  ],
}

const TREES = buildHierarchies(SOURCES, {
  periods: ['2025-01'],
  organisms: ['35600000000001', '12345678000014'],
  asOf: '2025-12-31',
})
const n = (code: string, parent: string, label: string, level: string): HierarchyNode => ({
  code,
  parent,
  label,
  level,
})

describe('buildHierarchies', () => {
  it('builds the residence tree: France entière > régions > départements > communes, unknown under ZZ', () => {
    expect(TREES.territoire).toEqual([
      n('_T', '', 'France entière', 'total'),
      n('R11', '_T', 'Île-de-France', 'region'),
      n('R84', '_T', 'Auvergne-Rhône-Alpes', 'region'),
      n('R975', '_T', '975', 'region'),
      n('RZZ', '_T', 'Région inconnue', 'region'),
      n('D01', 'R84', 'Ain', 'departement'),
      n('D75', 'R11', 'Paris', 'departement'),
      n('D975', 'R975', '975', 'departement'),
      n('DZZ', 'RZZ', 'Département inconnu', 'departement'),
      n('C01053', 'D01', 'Bourg-en-Bresse', 'commune'),
      n('C75101', 'D75', 'Paris 1er (arrondissement municipal)', 'commune'),
      n('C97501', 'D975', 'Miquelon-Langlade', 'commune'),
    ])
  })

  it('builds the training place tree without communes, ZZ meaning distance or not given', () => {
    expect(TREES.territoire_formation.map((x) => [x.code, x.parent, x.label])).toEqual([
      ['_T', '', 'France entière'],
      ['R11', '_T', 'Île-de-France'],
      ['R84', '_T', 'Auvergne-Rhône-Alpes'],
      ['R975', '_T', '975'],
      ['RZZ', '_T', 'À distance ou non renseigné'],
      ['D01', 'R84', 'Ain'],
      ['D75', 'R11', 'Paris'],
      ['D975', 'R975', '975'],
      ['DZZ', 'RZZ', 'À distance ou non renseigné'],
    ])
  })

  it('puts organisms under the région of their commune, unknown ones and SIRETs outside the referential under RZZ', () => {
    expect(TREES.organisme).toEqual([
      n('_T', '', 'Total', 'total'),
      n('R11', '_T', 'Île-de-France', 'region'),
      n('R84', '_T', 'Auvergne-Rhône-Alpes', 'region'),
      n('R975', '_T', '975', 'region'),
      n('RZZ', '_T', 'Région inconnue ou organisme hors référentiel', 'region'),
      n('12345678000014', 'RZZ', '12345678000014 (hors référentiel)', 'organisme'),
      n('35600000000001', 'R84', 'La Poste Formation', 'organisme'),
      n('98765432100015', 'RZZ', 'Form Plus', 'organisme'),
    ])
  })

  it('builds NSF domains from the first digit of the groups, with X > XXX for unknown', () => {
    expect(TREES.domaine_nsf).toEqual([
      n('_T', '', 'Total', 'total'),
      n('1', '_T', 'Domaines disciplinaires', 'domaine'),
      n('2', '_T', 'Domaines technico-professionnels de la production', 'domaine'),
      n('X', '_T', 'Spécialité non renseignée', 'domaine'),
      n('100', '1', 'Formations générales', 'groupe'),
      n('221', '2', 'Agro-alimentaire', 'groupe'),
      n('XXX', 'X', 'Spécialité non renseignée', 'groupe'),
    ])
  })

  it('labels certification levels by their examples, adds sans; statuses get NR', () => {
    expect(TREES.niveau_certification.map((x) => [x.code, x.label])).toEqual([
      ['_T', 'Total'],
      ['1', 'Niveau 1'],
      ['3', 'Niveau 3 (CAP, BEP)'],
      ['sans', 'Sans niveau de certification'],
    ])
    expect(TREES.statut_entree.map((x) => [x.code, x.label])).toEqual([
      ['_T', 'Total'],
      ['SAL_PRIVE', 'Salarié du secteur privé'],
      ['NR', 'Non renseigné'],
    ])
  })

  it('lists funders (partners that are not CEP operators) and CEP operators (list, then other CEP partners)', () => {
    expect(TREES.financeur.map((x) => [x.code, x.label])).toEqual([
      ['_T', 'Total'],
      ['AKTO', 'Akto'],
      ['FT', 'France Travail'],
      ['R84', 'Région Auvergne-Rhône-Alpes'],
    ])
    expect(TREES.operateur_cep.map((x) => [x.code, x.label])).toEqual([
      ['_T', 'Total'],
      ['APEC', 'Apec'],
      ['FT', 'France Travail'],
      ['CEP_AO_84', 'CEP Auvergne-Rhône-Alpes'],
    ])
  })

  it('gives the fixed codes of the fact tables', () => {
    expect(TREES.tranche_age.map((x) => x.code)).toEqual(['_T', 'moins_26', '26_44', '45_plus'])
    expect(TREES.type_financeur.map((x) => x.code)).toEqual([
      '_T',
      'REGION',
      'OPCO',
      'FT',
      'CDC',
      'TPRO',
      'AGEFIPH',
    ])
    expect(TREES.qpv.map((x) => x.code)).toEqual(['_T', 'oui', 'non'])
  })

  it('gives every dimension of the catalogue one tree: one root _T, unique codes, known parents, levels in catalogue order', () => {
    expect(Object.keys(TREES).sort()).toEqual(Object.keys(DIMENSIONS).sort())
    for (const [name, rows] of Object.entries(TREES) as [DimensionName, HierarchyNode[]][]) {
      const codes = new Set(rows.map((r) => r.code))
      const byCode = new Map(rows.map((r) => [r.code, r]))
      const depth = (r: HierarchyNode): number => (r.parent === '' ? 0 : 1 + depth(byCode.get(r.parent)!))
      const levelsByDepth = [...new Set(rows.map((r) => `${depth(r)}:${r.level}`))].sort()
      expect({
        name,
        roots: rows.filter((r) => r.parent === '').map((r) => r.code),
        unique: codes.size === rows.length,
        orphans: rows.filter((r) => r.parent !== '' && !codes.has(r.parent)).map((r) => r.code),
        levels: levelsByDepth,
      }).toEqual({
        name,
        roots: ['_T'],
        unique: true,
        orphans: [],
        levels: ['0:total', ...DIMENSIONS[name].levels.map((l, i) => `${i + 1}:${l.name}`)],
      })
    }
  })
})
