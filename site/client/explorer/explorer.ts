/**
 * The chart explorer (`explorer/index.html`) and its embeddable view (`explorer/embed.html`): the state
 * lives in the query string; each change is drawn and pushed to the history, so that back/forward and
 * reloading show the same view.
 */
import { injectStyles } from '../charts/style.ts'
import { chartWidth } from '../charts/width.ts'
import { renderControls } from './controls.ts'
import { loadModel } from './model.ts'
import { type ExplorerState, formatState, parseState } from './state.ts'
import { EXPLORER_RULES } from './style.ts'
import { renderTools } from './tools.ts'
import { drawView } from './view.ts'

function element<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}) {
  const e = document.createElement(tag)
  for (const [k, v] of Object.entries(attributes)) e.setAttribute(k, v)
  return e
}

/** Starts the explorer in `root` (`data-mode="embed"` for the chart alone, `data-root` = site root). */
export async function startExplorer(container: HTMLElement): Promise<void> {
  injectStyles(EXPLORER_RULES)
  const root = container.dataset.root ?? '../'
  const embed = container.dataset.mode === 'embed'
  const form = element('form', { class: 'psl-explorer-controls', 'aria-label': 'Choix de la vue' })
  form.addEventListener('submit', (e) => e.preventDefault())
  const title = element(embed ? 'h1' : 'h2', { id: 'psl-vue-titre', class: 'psl-view-title' })
  const chart = element('div', { class: 'psl-chart-view', 'aria-live': 'polite' })
  const source = element('p', { class: 'psl-credit psl-source' })
  const tools = element('div')
  const details = element('details')
  const summary = element('summary')
  summary.textContent = 'Données du graphique (tableau)'
  // A wide table scrolls in its own region, which the keyboard can reach (WCAG 2.1.1, 1.4.10).
  const table = element('div', {
    class: 'table-scroll',
    role: 'region',
    tabindex: '0',
    'aria-label': 'Données du graphique',
  })
  details.append(summary, table)
  const status = element('p', { role: 'status', class: 'psl-explorer-status' })
  const figure = element('section', { 'aria-labelledby': 'psl-vue-titre' })
  figure.append(title, chart, source)
  if (embed) {
    const link = element('a', { target: '_top' })
    link.textContent = 'Ouvrir dans l’explorateur Passerelle'
    figure.append(link)
    container.replaceChildren(figure, status)
  } else container.replaceChildren(form, figure, tools, details, status)

  const show = async (wanted: ExplorerState, push: boolean): Promise<void> => {
    status.textContent = 'Chargement…'
    const model = await loadModel(root, wanted)
    if ('code' in model) {
      status.textContent = model.message
      return
    }
    const query = `?${formatState(model.state)}`
    if (push && query !== location.search) history.pushState(null, '', query)
    else if (query !== location.search) history.replaceState(null, '', query)
    if (!embed) renderControls(form, model, (next) => void show(next, true))
    const drawn = await drawView(
      model,
      { title, chart, source, ...(embed ? {} : { table }) },
      chartWidth(container),
    )
    if (embed) figure.querySelector('a')?.setAttribute('href', `index.html${query}`)
    else renderTools(tools, model, drawn)
    container.dataset.state = query
    status.textContent = ''
  }
  window.addEventListener('popstate', () => void show(parseState(location.search), false))
  await show(parseState(location.search), false)
}
