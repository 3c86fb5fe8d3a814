/**
 * The territory trees: région `R84` > département `D01` > commune `C01053` for the residence, and
 * région > département for the training place, with `RZZ` > `DZZ` for what is unknown.
 * @module
 */
import {
  byCode,
  type CodeListEntry,
  type CommuneSource,
  type HierarchyNode,
  root,
  TOTAL,
} from './hierarchy-types.ts'

/** What the territory trees are built from. */
export interface TerritorySources {
  readonly communes: readonly CommuneSource[]
  readonly codeLists: readonly CodeListEntry[]
}

const UNKNOWN = 'ZZ'
const COMMUNE_KIND: Readonly<Record<string, string>> = {
  'commune-deleguee': 'commune déléguée',
  'commune-associee': 'commune associée',
  'arrondissement-municipal': 'arrondissement municipal',
}

function regionsAndDepartements(sources: TerritorySources): HierarchyNode[] {
  const regions = new Map<string, string>([[UNKNOWN, 'Région inconnue']])
  const departements = new Map<string, { label: string; region: string }>([
    [UNKNOWN, { label: 'Département inconnu', region: UNKNOWN }],
  ])
  for (const e of sources.codeLists) {
    if (e.list === 'regions') regions.set(e.code, e.label)
    if (e.list === 'departements') {
      departements.set(e.code, { label: e.label, region: e.attributes.code_region || UNKNOWN })
    }
  }
  // A commune of the store may name a département or région the shipped lists lack (a newer
  // geographic code): it still gets a node, labelled by its code.
  for (const c of sources.communes) {
    const region = c.region || UNKNOWN
    if (!regions.has(region)) regions.set(region, region)
    const departement = c.departement || UNKNOWN
    if (!departements.has(departement)) departements.set(departement, { label: departement, region })
  }
  for (const { region } of departements.values()) if (!regions.has(region)) regions.set(region, region)
  const regionNodes = [...regions].map(([code, label]) => ({
    code: `R${code}`,
    parent: TOTAL,
    label,
    level: 'region',
  }))
  const departementNodes = [...departements].map(([code, d]) => ({
    code: `D${code}`,
    parent: `R${d.region}`,
    label: d.label,
    level: 'departement',
  }))
  return [...regionNodes.sort(byCode), ...departementNodes.sort(byCode)]
}

/** The residence tree `territoire`: France entière > régions > départements > communes. */
export function buildTerritoryHierarchy(sources: TerritorySources): HierarchyNode[] {
  const communes = sources.communes.map((c) => {
    const kind = COMMUNE_KIND[c.type]
    return {
      code: `C${c.code}`,
      parent: `D${c.departement || UNKNOWN}`,
      label: kind ? `${c.name} (${kind})` : c.name,
      level: 'commune',
    }
  })
  return [root('France entière'), ...regionsAndDepartements(sources), ...communes.sort(byCode)]
}

/** The training place tree `territoire_formation`: France entière > régions > départements. */
export function buildTrainingPlaceHierarchy(sources: TerritorySources): HierarchyNode[] {
  const nodes = regionsAndDepartements(sources).map((n) =>
    n.code === 'RZZ'
      ? { ...n, label: 'À distance ou non renseigné' }
      : n.code === 'DZZ'
        ? { ...n, label: 'À distance ou non renseigné' }
        : n,
  )
  return [root('France entière'), ...nodes]
}

/** The régions, `R` + code → label, with `RZZ` (for the organisms' tree). */
export function regionNodes(sources: TerritorySources): HierarchyNode[] {
  return regionsAndDepartements(sources).filter((n) => n.level === 'region')
}
