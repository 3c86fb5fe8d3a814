import { describe, expect, it } from 'vitest'
import { describeChange } from './describe-change.ts'
import type { ReleaseChange } from './diff-releases.ts'
import { NBSP, NNBSP } from './french.ts'

// Readable expectations: `~` stands for a no-break space, `^` for a narrow one.
const typed = (text: string) => text.replaceAll('~', NBSP).replaceAll('^', NNBSP)

describe('describeChange', () => {
  it('writes every kind of change as a French sentence with French spacing', () => {
    const changes: ReleaseChange[] = [
      { kind: 'first-release' },
      { kind: 'measure-added', measure: 'taux_emploi_6m' },
      { kind: 'measure-removed', measure: 'indicateur_retire' },
      { kind: 'dimension-added', dimension: 'qpv' },
      { kind: 'dimension-removed', dimension: 'organisme' },
      { kind: 'partners-changed', previous: 9, current: 12 },
      { kind: 'table-added', table: 'cep', title: 'Périodes CEP', rows: 1 },
      { kind: 'table-removed', table: 'cep', title: 'Périodes CEP' },
      { kind: 'columns-added', table: 'cep', columns: ['qpv'] },
      { kind: 'columns-removed', table: 'cep', columns: ['qpv', 'sexe'] },
      {
        kind: 'periods-changed',
        table: 'cep',
        previous: { first: '2024', last: '2025' },
        current: { first: '2024', last: '2026' },
      },
      {
        kind: 'periods-changed',
        table: 'cep',
        previous: { first: '2024-01', last: '2025-12' },
        current: { first: '2024-07', last: '2026-06' },
      },
      { kind: 'total-changed', table: 'cep', measure: 'nb_periodes', previous: 12000, current: 11400 },
      { kind: 'total-changed', table: 'cep', measure: 'nb_periodes', previous: null, current: 30 },
      { kind: 'cohort-observed', measure: 'nb_connus_6m', year: 2025 },
      { kind: 'cohort-observed', measure: 'nb_suivis_connus', year: 2025 },
      {
        kind: 'suppression-changed',
        table: 'cep',
        previous: { cells: 0.0004, count: 0 },
        current: { cells: 0, count: null },
      },
    ]
    expect(changes.map(describeChange)).toEqual(
      [
        'Première publication.',
        'Nouvelle mesure~: Taux d’emploi salarié à 6 mois (`taux_emploi_6m`).',
        'Mesure retirée~: indicateur_retire (`indicateur_retire`).',
        'Nouvelle dimension~: Résidence en QPV (`qpv`).',
        'Dimension retirée~: Organisme de formation (`organisme`).',
        'Partenaires contributeurs~: 9 → 12.',
        'Nouvelle table `cep`~: Périodes CEP (1 ligne).',
        'Table retirée~: `cep` (Périodes CEP).',
        '`cep`~: nouvelle colonne `qpv`.',
        '`cep`~: colonnes retirées `qpv`, `sexe`.',
        '`cep`~: nouvelles périodes jusqu’à 2026 (auparavant jusqu’à 2025).',
        '`cep`~: période couverte de juillet 2024 à juin 2026 (auparavant de janvier 2024 à décembre 2025).',
        '`cep`~: total périodes CEP 12^000 → 11^400 (−5,0^%).',
        '`cep`~: total périodes CEP masqué → 30.',
        'Suivi à 6 mois~: les sorties de 2025 sont désormais toutes observées^; leurs taux sont publiés (`nb_connus_6m`).',
        'Suivi à 12 mois~: les périodes commencées en 2025 sont désormais toutes observées^; leurs taux sont publiés (`nb_suivis_connus`).',
        '`cep`~: cellules masquées <^0,1^% → 0^%^; effectif masqué <^1^% → non diffusé.',
      ].map(typed),
    )
  })
})
