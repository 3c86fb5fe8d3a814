/**
 * A release change as one French sentence, for the changelog's bullet points.
 * @module
 */
import { DIMENSIONS, type DimensionName, MEASURES, type MeasureName } from '../definition/catalogue.ts'
import type { ReleaseChange, SuppressionShares } from './diff-releases.ts'
import { formatChange, formatNumber, formatPercent, formatShare, frenchSpaces, plural } from './french.ts'
import { formatRange, periodAfter } from './periods.ts'
import { FOLLOW_UPS } from './render-follow-up.ts'

const measureLabel = (name: string) => MEASURES[name as MeasureName]?.label ?? name
const dimensionLabel = (name: string) => DIMENSIONS[name as DimensionName]?.label ?? name
const names = (columns: readonly string[]) => columns.map((c) => `\`${c}\``).join(', ')
const total = (value: number | null) => (value === null ? 'masqué' : formatNumber(value))

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1)
const countShare = (s: SuppressionShares) => formatPercent(s.count, s.cells > 0)

function describe(change: ReleaseChange): string {
  switch (change.kind) {
    case 'first-release':
      return 'Première publication.'
    case 'measure-added':
      return `Nouvelle mesure : ${measureLabel(change.measure)} (\`${change.measure}\`).`
    case 'measure-removed':
      return `Mesure retirée : ${measureLabel(change.measure)} (\`${change.measure}\`).`
    case 'dimension-added':
      return `Nouvelle dimension : ${dimensionLabel(change.dimension)} (\`${change.dimension}\`).`
    case 'dimension-removed':
      return `Dimension retirée : ${dimensionLabel(change.dimension)} (\`${change.dimension}\`).`
    case 'partners-changed':
      return `Partenaires contributeurs : ${formatNumber(change.previous)} → ${formatNumber(change.current)}.`
    case 'table-added':
      return `Nouvelle table \`${change.table}\` : ${change.title} (${plural(change.rows, 'ligne')}).`
    case 'table-removed':
      return `Table retirée : \`${change.table}\` (${change.title}).`
    case 'columns-added':
      return `\`${change.table}\` : ${change.columns.length === 1 ? 'nouvelle colonne' : 'nouvelles colonnes'} ${names(change.columns)}.`
    case 'columns-removed':
      return `\`${change.table}\` : ${change.columns.length === 1 ? 'colonne retirée' : 'colonnes retirées'} ${names(change.columns)}.`
    case 'periods-changed': {
      const { previous, current } = change
      if (previous.first === current.first && current.last > previous.last)
        return `\`${change.table}\` : nouvelles périodes ${periodAfter('jusqu’à', current.last)} (auparavant ${periodAfter('jusqu’à', previous.last)}).`
      return `\`${change.table}\` : période couverte ${formatRange(current)} (auparavant ${formatRange(previous)}).`
    }
    case 'total-changed': {
      const { previous, current } = change
      const relative =
        previous !== null && current !== null && previous > 0 ? ` (${formatChange(previous, current)})` : ''
      return `\`${change.table}\` : total ${lowerFirst(measureLabel(change.measure))} ${total(previous)} → ${total(current)}${relative}.`
    }
    case 'cohort-observed': {
      const followUp = FOLLOW_UPS.find((f) => f.measure === change.measure)
      const who = followUp ? followUp.cohort(change.year) : `les membres de la cohorte ${change.year}`
      const months = followUp ? ` à ${followUp.months} mois` : ''
      return `Suivi${months} : ${who} sont désormais toutes observées ; leurs taux sont publiés (\`${change.measure}\`).`
    }
    case 'suppression-changed':
      return `\`${change.table}\` : cellules masquées ${formatShare(change.previous.cells)} → ${formatShare(change.current.cells)} ; effectif masqué ${countShare(change.previous)} → ${countShare(change.current)}.`
  }
}

/**
 * The sentence of a change, French spacing included.
 * @example describeChange({ kind: 'first-release' }) // 'Première publication.'
 */
export function describeChange(change: ReleaseChange): string {
  return frenchSpaces(describe(change))
}
