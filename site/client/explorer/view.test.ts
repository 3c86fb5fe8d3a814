import { describe, expect, it } from 'vitest'
import { parseHierarchy } from '../data/hierarchy.ts'
import type { ExplorerModel } from './model.ts'
import type { ResolvedState } from './resolve.ts'
import { viewTitle } from './view.ts'

const hierarchies = new Map([
  ['periode', parseHierarchy('code,parent,label,niveau\n_T,,Ensemble,total\n2025,_T,2025,annee\n')],
  [
    'territoire',
    parseHierarchy(
      'code,parent,label,niveau\n_T,,France entière,total\nR84,_T,Auvergne-Rhône-Alpes,region\n',
    ),
  ],
  ['sexe', parseHierarchy('code,parent,label,niveau\n_T,,Ensemble,total\nF,_T,Femmes,sexe\n')],
])

function model(state: Partial<ResolvedState>): ExplorerModel {
  return {
    tableInfo: {
      name: 'insertion',
      title: 'Insertion',
      json: 'insertion.json',
      dimensions: [
        { name: 'periode', title: 'Période' },
        { name: 'territoire', title: 'Territoire' },
        { name: 'sexe', title: 'Sexe' },
      ],
      measures: [{ name: 'taux_emploi_6m', title: 'Taux d’emploi à 6 mois', unit: 'proportion' }],
    },
    hierarchies,
    state: { measure: 'taux_emploi_6m', breakdown: 'territoire', filters: {}, ...state } as ResolvedState,
  } as unknown as ExplorerModel
}

describe('viewTitle', () => {
  it('says that every period is pooled when the period is neither drawn nor chosen', () => {
    expect(viewTitle(model({}))).toBe('Taux d’emploi à 6 mois par territoire — toutes périodes confondues')
    expect(viewTitle(model({ filters: { periode: '_T', sexe: 'F' } }))).toBe(
      'Taux d’emploi à 6 mois par territoire — Femmes, toutes périodes confondues',
    )
  })

  it('names the period chosen, and says nothing of periods drawn along the axis or as series', () => {
    expect(viewTitle(model({ filters: { periode: '2025' } }))).toBe(
      'Taux d’emploi à 6 mois par territoire — 2025',
    )
    expect(viewTitle(model({ breakdown: 'periode' }))).toBe('Taux d’emploi à 6 mois par période')
    expect(viewTitle(model({ series: 'periode' }))).toBe('Taux d’emploi à 6 mois par territoire et période')
  })
})
