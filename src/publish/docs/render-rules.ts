/**
 * "Règles de confidentialité appliquées": the rules as the protection applied them (defaults
 * filled by the privacy library itself, so the page cannot drift from it), and the cells and
 * share of the count suppressed per table and for the dataset.
 * @module
 */
import { type AuditSummary, resolveRules } from '../../privacy/index.ts'
import { MEASURES, POPULATIONS } from '../definition/catalogue.ts'
import type { DatasetDefinition, TableDefinition } from '../definition/types.ts'
import {
  formatDate,
  formatNumber,
  formatPercent,
  formatShare,
  frenchSpaces,
  joinFrench,
  plural,
} from './french.ts'
import { markdownTable } from './markdown.ts'
import type { ReleaseSummary, SuppressionFigures } from './summary.ts'

/** What the protection of the release did beyond the dataset's rules. */
export interface ProtectionContext {
  /** Singletons protected against their own member (the privacy library's default: true). */
  readonly singletons?: boolean
  /** Dates of earlier releases still online whose suppressed cells the protection took into account. */
  readonly releasesOnline?: readonly string[]
  /** The audit of the whole release, when it ran. */
  readonly audit?: Pick<AuditSummary, 'checked' | 'ok' | 'unprotected'>
}

const names = (tables: readonly TableDefinition[]) => tables.map((t) => `\`${t.name}\``).join(', ')

function ruleLines(definition: DatasetDefinition, context: ProtectionContext): string[] {
  const { rules } = resolveRules(definition.rules)
  const lines: string[] = []
  // A checked definition only tightens the defaults (11 persons, rates on 20): every threshold is ≥ 2.
  lines.push(
    `**Seuil de personnes** : une cellule qui compte de 1 à ${rules.minPersons - 1} personnes distinctes est masquée (statut \`A\`), à tous les niveaux de chaque dimension ; une cellule vide (0) est publiée.`,
  )
  const withRates = definition.tables.filter((t) =>
    t.measures.some((m) => MEASURES[m].measure.kind === 'rate'),
  )
  if (rules.rate && withRates.length > 0) {
    const { minDenominator, minCount } = rules.rate
    lines.push(
      `**Taux** (${names(withRates)}) : un taux n’est publié que si son dénominateur compte au moins ${minDenominator} personnes et si ni son numérateur ni son complément ne comptent de 1 à ${minCount - 1} personnes (statut \`A\`). Ce sont des personnes distinctes : une personne qui a plusieurs sorties (ou périodes) dans une même cellule y compte une fois ; le complément est lu des deux façons que cela permet, et chacune doit respecter la règle : les personnes du dénominateur moins celles du numérateur (personnes sans le résultat sur aucune sortie), et les personnes qui ont au moins une sortie sans le résultat (une personne peut alors compter à la fois dans le numérateur et dans le complément). La ligne entière est alors masquée, effectifs compris : le secret secondaire protège les cellules par leurs effectifs (sauf pour les taux de suivi d’une ligne qui réunit plusieurs cohortes : ci-dessous).`,
    )
  }
  const withFollowUps = definition.tables.filter((t) =>
    t.measures.some((m) => MEASURES[m].followUpMonths !== undefined),
  )
  if (withFollowUps.length > 0) {
    const members = [...new Set(withFollowUps.flatMap((t) => t.measures))]
      .filter((m) => MEASURES[m].followUpMonths !== undefined)
      .map((m) => `\`${m}\``)
    lines.push(
      `**Cohortes observées** (${names(withFollowUps)}) : sur une ligne qui réunit plusieurs cohortes (toutes périodes, \`_T\`, ou une table sans période), ${joinFrench(members)} ne ${members.length > 1 ? 'comptent' : 'compte'} que les cohortes déjà observées ; l’effectif de la ligne moins cette valeur donnerait celui des cohortes qui ne le sont pas encore. Les cohortes observées sont donc protégées comme une cellule à part entière, liée aux autres par les marges de la période, et les règles des taux de suivi s’appliquent à elle, non à la ligne : quand elle est masquée, la ligne garde son effectif mais masque ces mesures, les taux qui en dépendent et leurs numérateurs, avec son statut. Une table sans période (par organisme) est protégée par année sans que ses années soient publiées : ses cohortes observées, comme celle qui ne l’est pas encore, y sont des cellules protégées.`,
    )
  }
  const withAmounts = definition.tables.filter((t) => POPULATIONS[t.population].contributor !== undefined)
  const dominance = [
    ...(rules.minContributors > 1
      ? [`une cellule doit réunir au moins ${rules.minContributors} organismes`]
      : []),
    ...rules.dominance.map(({ n, k }) =>
      n === 1
        ? `le plus grand organisme ne peut y dépasser ${k} % du total`
        : `les ${n} plus grands organismes ne peuvent y dépasser ${k} % du total`,
    ),
  ]
  if (withAmounts.length > 0 && dominance.length > 0)
    lines.push(
      `**Montants** (${names(withAmounts)}) : ${dominance.join(' ; ')} (statut \`B\`) ; un organisme s’entend de l’entreprise (SIREN), tous ses établissements ensemble. Le montant d’une telle cellule est protégé comme son effectif : il ne peut être recalculé à ±${formatNumber(rules.protectionPercent)} % près (au moins ±1 €) à partir des montants publiés.`,
    )
  lines.push(
    `**Intervalle de protection** : aucune cellule en secret primaire ne peut être recalculée, exactement ou à ±${formatNumber(rules.protectionPercent)} % près (au moins ±${formatNumber(rules.minProtection)}), à partir de l’ensemble des valeurs publiées, marges comprises, et de leurs statuts (une cellule \`A\` ou \`B\` compte au moins une unité, les cellules vides étant publiées à 0) ; d’autres cellules sont masquées pour cela (secret secondaire, statut \`D\`). Les rares cellules qu’aucun masquage ne protège de cette lecture des statuts sont protégées contre une lecture des seules valeurs ; \`audit.json\` les compte (\`cellsProtectedIgnoringStatuses\`).`,
  )
  const populations = [...new Set(definition.tables.map((t) => t.population))].map(
    (p) => `${POPULATIONS[p].label} (${names(definition.tables.filter((t) => t.population === p))})`,
  )
  lines.push(
    `**Tables liées** : les tables d’une même population sont protégées ensemble, avec celles des autres jeux de données de la publication ; ici ${populations.join(' ; ')}.`,
  )
  if (context.singletons !== false)
    lines.push(
      '**Personne seule** : une personne seule dans une cellule connaît sa propre valeur ; le masquage en tient compte.',
    )
  const online = context.releasesOnline ?? []
  lines.push(
    online.length === 0
      ? '**Versions successives** : aucune version antérieure n’est en ligne.'
      : `**Versions successives** : les cellules masquées par les versions encore en ligne (${joinFrench(online.map(formatDate))}) restent masquées, pour qu’aucune différence entre versions ne révèle leur valeur ; les cellules qu’elles publiaient et dont la valeur n’a pas changé sont tenues pour connues : le masquage ne s’appuie jamais sur elles.`,
  )
  const { audit } = context
  if (audit)
    lines.push(
      audit.ok
        ? `**Vérification** : l’audit de la publication (programme linéaire de l’attaquant, sur toutes les tables liées) a contrôlé ${plural(audit.checked, 'cellule')} en secret primaire ; aucune n’est recalculable dans son intervalle de protection.`
        : `**Vérification** : l’audit de la publication a contrôlé ${plural(audit.checked, 'cellule')} en secret primaire ; cellules insuffisamment protégées : ${formatNumber(audit.unprotected.length)}.`,
    )
  return lines
}

function row(label: string, s: SuppressionFigures): string[] {
  const { A, B, D } = s.byStatus
  const share = s.cells === 0 ? 0 : (A + B + D) / s.cells
  return [
    label,
    ...[s.cells, A, B, D].map((n) => formatNumber(n)),
    formatShare(share),
    formatPercent(s.countSuppressedPercent, share > 0),
  ]
}

/** The rules section of a dataset's documentation. */
export function renderRules(
  definition: DatasetDefinition,
  release: ReleaseSummary,
  context: ProtectionContext = {},
): string {
  const table = markdownTable(
    ['Table', 'Cellules', 'A', 'B', 'D', 'Cellules masquées', 'Effectif masqué'],
    [
      ...release.tables.map((t) => row(`\`${t.name}\``, t.suppression)),
      row('**Ensemble**', release.suppression),
    ],
    ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
  )
  return frenchSpaces(
    [
      '## Règles de confidentialité appliquées',
      'Chaque valeur publiée porte un statut (colonnes `*_statut`) : `V` publiée, `A` secret primaire (effectif ou taux), `B` secret primaire (dominance), `D` secret secondaire. Une valeur masquée est un champ vide, jamais 0.',
      ruleLines(definition, context)
        .map((line) => `- ${line}`)
        .join('\n'),
      '### Cellules masquées',
      table,
      'Cellules : toutes les cellules publiées, à tous les niveaux de chaque dimension. Effectif masqué : part de la mesure de comptage de la table (entrées, sorties, périodes ou financements), sommée sur toutes les cellules, qui se trouve dans des cellules masquées ; arrondie au pour cent, et non diffusée pour les petites tables, où elle renseignerait sur les cellules masquées. Ensemble : somme des tables du jeu de données.',
    ].join('\n\n'),
  )
}
