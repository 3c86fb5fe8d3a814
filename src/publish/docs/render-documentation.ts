/**
 * The documentation page of a published dataset, `datasets/<slug>/documentation.md`: its
 * hand-written documentation, then the generated data dictionary, rules, coverage and changelog.
 * @module
 */
import type { DatasetDefinition } from '../definition/types.ts'
import { frenchSpaces } from './french.ts'
import { embedDocumentation, takeSection } from './markdown.ts'
import { renderCoverage } from './render-coverage.ts'
import { renderDictionary } from './render-dictionary.ts'
import { renderHistory } from './render-history.ts'
import { type ProtectionContext, renderRules } from './render-rules.ts'
import type { ReleaseSummary } from './summary.ts'

/** Inputs of {@link renderDocumentation}. */
export interface DocumentationInput {
  readonly definition: DatasetDefinition
  /** This release of the dataset ({@link summariseRelease}). */
  readonly release: ReleaseSummary
  /** Summaries of the dataset's earlier releases, any order (none: first publication). */
  readonly earlier: readonly ReleaseSummary[]
  readonly protection?: ProtectionContext
}

/**
 * Renders the Markdown documentation of a dataset (French). Pure.
 * @example
 * const markdown = renderDocumentation({ definition, release, earlier: [] })
 */
export function renderDocumentation(input: DocumentationInput): string {
  const { definition, release } = input
  // The hand-written "Couverture" (what the data cover) opens the generated one (what this
  // release covers): one section, not two with the same title.
  const { rest: handWritten, body: coverage } = takeSection(
    frenchSpaces(embedDocumentation(definition.documentation)),
    'Couverture',
  )
  return `${[
    `# ${definition.title}`,
    definition.description.trim(),
    ...(handWritten === '' ? [] : [handWritten]),
    renderDictionary(definition),
    renderRules(definition, release, input.protection),
    renderCoverage(release, coverage),
    renderHistory(release, input.earlier),
  ].join('\n\n')}\n`
}
