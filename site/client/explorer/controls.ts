/**
 * The explorer's form: dataset, table, indicator, breakdown and its level, chart type, and one filter
 * per other dimension. Native `<select>`s and radio buttons, each with its label, so that the whole
 * form works with the keyboard and screen readers. A change produces the next state; the explorer
 * draws it and puts it in the URL.
 */
import type { Hierarchy } from '../data/hierarchy.ts'
import { TOTAL } from '../data/published-table.ts'
import type { ExplorerModel } from './model.ts'
import { canFrame } from './resolve.ts'
import type { ChartKind, ExplorerState } from './state.ts'

const KIND_LABELS: Record<ChartKind, string> = { bar: 'Barres', line: 'Courbe', map: 'Carte' }
const LEVEL_LABELS: Record<string, string> = {
  region: 'Régions',
  departement: 'Départements',
  commune: 'Communes',
  annee: 'Années',
  trimestre: 'Trimestres',
  mois: 'Mois',
  domaine: 'Domaines',
  groupe: 'Groupes',
  organisme: 'Organismes',
}

function select(
  id: string,
  label: string,
  options: readonly (readonly [string, string])[],
  value: string,
): HTMLDivElement {
  const wrapper = document.createElement('div')
  const labelElement = document.createElement('label')
  labelElement.htmlFor = id
  labelElement.textContent = label
  const element = document.createElement('select')
  element.id = id
  element.name = id
  for (const [code, text] of options) element.add(new Option(text, code, false, code === value))
  wrapper.append(labelElement, element)
  return wrapper
}

/** Filter options in hierarchy order, indented by depth, limited to the codes of the table. */
function filterOptions(hierarchy: Hierarchy | undefined, present: ReadonlySet<string>): [string, string][] {
  const depth = (code: string): number => {
    let d = 0
    for (let p = hierarchy?.nodes.get(code)?.parent; p && d < 10; p = hierarchy?.nodes.get(p)?.parent) d++
    return d
  }
  const ordered = hierarchy ? [...hierarchy.nodes.keys()].filter((c) => present.has(c)) : [...present].sort()
  if (!ordered.includes(TOTAL) && present.has(TOTAL)) ordered.unshift(TOTAL)
  return ordered.map((code) => {
    const label = hierarchy?.nodes.get(code)?.label ?? (code === TOTAL ? 'Ensemble' : code)
    return [
      code,
      code === TOTAL
        ? `Ensemble (${label})`
        : `${'\u00a0\u00a0'.repeat(Math.max(0, depth(code) - 1))}${label}`,
    ]
  })
}

/** Renders the form for `model` into `form`; `onChange` receives the state the reader asked for. */
export function renderControls(
  form: HTMLFormElement,
  model: ExplorerModel,
  onChange: (state: ExplorerState) => void,
): void {
  const { state, tableInfo } = model
  const focused = document.activeElement?.id
  const dimensionTitle = (name: string) => tableInfo.dimensions.find((d) => d.name === name)?.title ?? name
  const main = document.createElement('div')
  main.className = 'psl-explorer-form'
  main.append(
    select(
      'psl-jeu',
      'Jeu de données',
      model.datasets.map((d) => [d.slug, d.title]),
      state.dataset,
    ),
    select(
      'psl-table',
      'Table',
      model.dataset.tables.map((t) => [t.name, t.title]),
      state.table,
    ),
    select(
      'psl-indicateur',
      'Indicateur',
      tableInfo.measures.map((m) => [m.name, m.title]),
      state.measure,
    ),
    select(
      'psl-ventilation',
      'Ventilation',
      tableInfo.dimensions.map((d) => [d.name, d.title]),
      state.breakdown,
    ),
  )
  const others = tableInfo.dimensions.filter((d) => d.name !== state.breakdown)
  main.append(
    select(
      'psl-comparer',
      'Comparer selon',
      [['', '(aucune comparaison)'], ...others.map((d): [string, string] => [d.name, d.title])],
      state.series ?? '',
    ),
  )
  const levels = model.facts.levels.get(state.breakdown) ?? []
  if (levels.length > 1)
    main.append(
      select(
        'psl-niveau',
        'Niveau',
        levels.map((l) => [l, LEVEL_LABELS[l] ?? l]),
        state.level,
      ),
    )
  const framing = filterOptions(
    model.hierarchies.get(state.breakdown),
    model.codes.get(state.breakdown) ?? new Set(),
  ).filter(([code]) => code === TOTAL || canFrame(model.facts, state.breakdown, code, state.level))
  if (framing.length > 1 && state.chart !== 'map')
    main.append(select('psl-dans', 'Dans', framing, state.filters[state.breakdown] ?? TOTAL))
  const kinds = document.createElement('fieldset')
  const legend = document.createElement('legend')
  legend.textContent = 'Type de graphique'
  kinds.append(legend)
  for (const kind of state.kinds) {
    const label = document.createElement('label')
    const radio = document.createElement('input')
    radio.type = 'radio'
    radio.name = 'psl-graphique'
    radio.id = `psl-graphique-${kind}`
    radio.value = kind
    radio.checked = kind === state.chart
    label.append(radio, ` ${KIND_LABELS[kind]}`)
    label.style.display = 'inline-block'
    label.style.marginRight = '1rem'
    kinds.append(label)
  }
  main.append(kinds)
  const filters = document.createElement('fieldset')
  filters.className = 'psl-explorer-form'
  const filtersLegend = document.createElement('legend')
  filtersLegend.textContent = 'Filtres'
  filters.append(filtersLegend)
  for (const dimension of tableInfo.dimensions
    .map((d) => d.name)
    .filter((d) => d !== state.breakdown && d !== state.series)) {
    const options = filterOptions(model.hierarchies.get(dimension), model.codes.get(dimension) ?? new Set())
    filters.append(
      select(
        `psl-filtre-${dimension}`,
        dimensionTitle(dimension),
        options,
        state.filters[dimension] ?? TOTAL,
      ),
    )
  }
  // A table whose every dimension is the breakdown or the comparison has nothing left to filter.
  form.replaceChildren(main, ...(filters.querySelector('select') ? [filters] : []))
  form.onchange = (event) => {
    const target = event.target as HTMLInputElement | HTMLSelectElement
    const value = target.value
    const next: ExplorerState = (() => {
      switch (target.name) {
        case 'psl-jeu':
          return { dataset: value, filters: {} }
        case 'psl-table':
          return { dataset: state.dataset, table: value, filters: state.filters }
        case 'psl-indicateur':
          return { ...state, measure: value }
        case 'psl-ventilation': {
          const { level: _, ...rest } = state
          return { ...rest, breakdown: value, filters: { ...state.filters, [value]: TOTAL } }
        }
        case 'psl-comparer': {
          const { series: _, ...rest } = state
          return value ? { ...rest, series: value } : rest
        }
        case 'psl-dans':
          return { ...state, filters: { ...state.filters, [state.breakdown]: value } }
        case 'psl-niveau':
          return { ...state, level: value }
        case 'psl-graphique':
          return { ...state, chart: value as ChartKind }
        default: {
          const dimension = target.name.replace(/^psl-filtre-/, '')
          return { ...state, filters: { ...state.filters, [dimension]: value } }
        }
      }
    })()
    onChange(next)
  }
  if (focused) document.getElementById(focused)?.focus()
}
