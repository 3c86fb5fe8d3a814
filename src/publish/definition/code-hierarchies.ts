/**
 * The trees of the coded dimensions: code lists of the hub (dispositifs, statuses, certification
 * levels, NSF, CEP operators), partners, organisms, and the fixed codes of the fact tables.
 * @module
 */
import {
  byCode,
  type CodeListEntry,
  flatTree,
  type HierarchyNode,
  listEntries,
  type OrganismSource,
  type PartnerSource,
  root,
  TOTAL,
} from './hierarchy-types.ts'

/** Codes the fact tables compute themselves (src/publish/facts/README.md). */
export const FIXED_CODES = {
  qpv: [
    ['oui', 'Réside en quartier prioritaire'],
    ['non', 'Ne réside pas en quartier prioritaire (ou non renseigné)'],
  ],
  type_financeur: [
    ['REGION', 'Région'],
    ['OPCO', 'Opérateur de compétences (OPCO)'],
    ['FT', 'France Travail'],
    ['CDC', 'Caisse des Dépôts (CPF)'],
    ['TPRO', 'Transitions Pro'],
    ['AGEFIPH', 'Agefiph'],
  ],
  sexe: [
    ['F', 'Femmes'],
    ['M', 'Hommes'],
  ],
  tranche_age: [
    ['moins_26', 'Moins de 26 ans'],
    ['26_44', '26 à 44 ans'],
    ['45_plus', '45 ans ou plus'],
  ],
  modalite: [
    ['PRESENTIEL', 'Présentiel'],
    ['MIXTE', 'Mixte'],
    ['DISTANCE', 'À distance'],
  ],
  niveau_cep: [
    ['1', 'Niveau 1 : accueil individualisé'],
    ['2', 'Niveau 2 : conseil personnalisé'],
  ],
} as const satisfies Record<string, readonly (readonly [string, string])[]>

/** `statut_entree`: the statuses of the list, and `NR` (not given). */
export function buildStatusHierarchy(codeLists: readonly CodeListEntry[]): HierarchyNode[] {
  return flatTree('statut_entree', [...listEntries(codeLists, 'statuts_stagiaire'), ['NR', 'Non renseigné']])
}

/** `niveau_certification`: levels of the national framework, `Niveau 3 (CAP, BEP)`, and `sans`. */
export function buildCertificationLevelHierarchy(codeLists: readonly CodeListEntry[]): HierarchyNode[] {
  const levels = codeLists
    .filter((e) => e.list === 'niveaux_certification')
    .map((e): [string, string] => {
      const examples = e.attributes.exemples?.trim()
      return [e.code, examples ? `Niveau ${e.code} (${examples})` : `Niveau ${e.code}`]
    })
  return flatTree('niveau_certification', [...levels, ['sans', 'Sans niveau de certification']])
}

/** `domaine_nsf`: NSF domain (first digit of the group) > group; `X` > `XXX` when unknown. */
export function buildNsfHierarchy(codeLists: readonly CodeListEntry[]): HierarchyNode[] {
  const groups = codeLists.filter((e) => e.list === 'nsf_groupes_specialites')
  const domains = new Map<string, string>([['X', 'Spécialité non renseignée']])
  for (const g of groups) {
    const domain = g.code.slice(0, 1)
    const label = g.attributes.code_domaine_4 === domain ? g.attributes.libelle_domaine_4 : undefined
    if (label || !domains.has(domain)) domains.set(domain, label || `Domaine ${domain}`)
  }
  const domainNodes = [...domains].map(([code, label]) => ({ code, parent: TOTAL, label, level: 'domaine' }))
  const groupNodes = [
    ...groups.map((g) => ({ code: g.code, parent: g.code.slice(0, 1), label: g.label, level: 'groupe' })),
    { code: 'XXX', parent: 'X', label: 'Spécialité non renseignée', level: 'groupe' },
  ]
  return [root(), ...domainNodes.sort(byCode), ...groupNodes.sort(byCode)]
}

/** `financeur`: the funding partners (every kind but CEP operators), by partner code. */
export function buildFunderHierarchy(partners: readonly PartnerSource[]): HierarchyNode[] {
  return flatTree(
    'financeur',
    partners.filter((p) => p.kind !== 'CEP').map((p) => [p.code, p.name]),
  )
}

/** `operateur_cep`: the CEP operators of the list, and CEP partners the list does not name. */
export function buildCepOperatorHierarchy(
  codeLists: readonly CodeListEntry[],
  partners: readonly PartnerSource[],
): HierarchyNode[] {
  const operators = new Map(listEntries(codeLists, 'operateurs_cep'))
  for (const p of partners) if (p.kind === 'CEP' && !operators.has(p.code)) operators.set(p.code, p.name)
  return flatTree('operateur_cep', [...operators])
}

/**
 * `organisme`: régions > SIRET. An organism without a known région, and a SIRET the facts hold
 * but the referential lacks, go under `RZZ`.
 */
export function buildOrganismHierarchy(
  regions: readonly HierarchyNode[],
  organisms: readonly OrganismSource[],
  observed: readonly string[] = [],
): HierarchyNode[] {
  const regionCodes = new Set(regions.map((r) => r.code))
  const extraRegions: HierarchyNode[] = []
  const nodes = new Map<string, HierarchyNode>()
  const add = (code: string, parent: string, label: string) => {
    if (!regionCodes.has(parent)) {
      regionCodes.add(parent)
      extraRegions.push({ code: parent, parent: TOTAL, label: parent.slice(1), level: 'region' })
    }
    nodes.set(code, { code, parent, label, level: 'organisme' })
  }
  for (const o of organisms) add(o.siret, `R${o.region ?? 'ZZ'}`, o.name)
  for (const siret of observed) if (!nodes.has(siret)) add(siret, 'RZZ', `${siret} (hors référentiel)`)
  const regionNodes = [...regions, ...extraRegions].map((r) =>
    r.code === 'RZZ' ? { ...r, label: 'Région inconnue ou organisme hors référentiel' } : r,
  )
  return [root(), ...regionNodes.sort(byCode), ...[...nodes.values()].sort(byCode)]
}
