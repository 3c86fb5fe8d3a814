/**
 * Step 3 of publication: the `code,parent,label` tree of every dimension of catalogue.ts, from
 * reference data (communes, code lists, partners, organisms) and the period codes the data
 * holds. Pure: `loadHierarchySources` reads the store.
 * @module
 */
import type { DimensionName } from './catalogue.ts'
import {
  buildCepOperatorHierarchy,
  buildCertificationLevelHierarchy,
  buildFunderHierarchy,
  buildNsfHierarchy,
  buildOrganismHierarchy,
  buildStatusHierarchy,
  FIXED_CODES,
} from './code-hierarchies.ts'
import {
  flatTree,
  type HierarchyNode,
  type HierarchySources,
  listEntries,
  type ObservedCodes,
} from './hierarchy-types.ts'
import { buildPeriodHierarchy } from './period-hierarchy.ts'
import { buildTerritoryHierarchy, buildTrainingPlaceHierarchy, regionNodes } from './territory-hierarchy.ts'

export type {
  CodeListEntry,
  CommuneSource,
  HierarchyNode,
  HierarchySources,
  ObservedCodes,
  OrganismSource,
  PartnerSource,
} from './hierarchy-types.ts'
export { TOTAL, TOTAL_LEVEL } from './hierarchy-types.ts'
export { restrictHierarchy } from './restrict-hierarchy.ts'

/**
 * Every dimension's full tree: the root `_T`, then each level's codes (prefixed as
 * src/publish/README.md says); each node names its level. Restrict a tree to a table's codes
 * with `restrictHierarchy`.
 *
 * @example
 * const sources = await loadHierarchySources(db)
 * const trees = buildHierarchies(sources, { periods: ['2025-01', '2025-02'], organisms: [], asOf: '2025-12-31' })
 * restrictHierarchy(trees.territoire, usedCodes, 'departement')
 */
export function buildHierarchies(
  sources: HierarchySources,
  observed: ObservedCodes,
): Record<DimensionName, HierarchyNode[]> {
  const { codeLists, partners } = sources
  return {
    periode: buildPeriodHierarchy(observed.periods, observed.asOf),
    territoire: buildTerritoryHierarchy(sources),
    territoire_formation: buildTrainingPlaceHierarchy(sources),
    qpv: flatTree('qpv', FIXED_CODES.qpv),
    dispositif: flatTree('dispositif', listEntries(codeLists, 'dispositifs')),
    type_financeur: flatTree('type_financeur', FIXED_CODES.type_financeur),
    financeur: buildFunderHierarchy(partners),
    statut_entree: buildStatusHierarchy(codeLists),
    sexe: flatTree('sexe', FIXED_CODES.sexe),
    tranche_age: flatTree('tranche_age', FIXED_CODES.tranche_age),
    niveau_certification: buildCertificationLevelHierarchy(codeLists),
    domaine_nsf: buildNsfHierarchy(codeLists),
    modalite: flatTree('modalite', FIXED_CODES.modalite),
    organisme: buildOrganismHierarchy(regionNodes(sources), sources.organisms, observed.organisms),
    operateur_cep: buildCepOperatorHierarchy(codeLists, partners),
    niveau_cep: flatTree('niveau_cep', FIXED_CODES.niveau_cep),
  }
}
