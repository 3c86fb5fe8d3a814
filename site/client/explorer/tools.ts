/**
 * The view's tools: the iframe snippet of its embeddable version, and downloads of its data (CSV) and
 * image (SVG, PNG). Each works on what is already drawn; nothing is sent anywhere. The download code
 * is loaded at the first click (the explorer's first view need not carry it).
 */
import type { DrawnChart } from '../charts/draw-chart.ts'
import type { ExplorerModel } from './model.ts'
import { formatState } from './state.ts'
import { viewSource, viewTitle } from './view.ts'

function button(label: string, action: () => void | Promise<void>): HTMLButtonElement {
  const element = document.createElement('button')
  element.type = 'button'
  element.textContent = label
  element.addEventListener('click', () => void action())
  return element
}

/** The `<iframe>` code that embeds `model`'s view from this site. */
export function embedSnippet(model: ExplorerModel, pageUrl: string): string {
  const src = new URL(`embed.html?${formatState(model.state)}`, pageUrl).href
  const title = viewTitle(model).replace(/"/g, '&quot;')
  return `<iframe src="${src}" title="${title}" width="100%" height="640" style="border:0" loading="lazy"></iframe>`
}

/** Renders the tool bar and the (initially hidden) embed panel for the drawn view into `target`. */
export function renderTools(target: HTMLElement, model: ExplorerModel, drawn: DrawnChart): void {
  const name = `${model.table.table}-${model.state.measure}-${model.state.breakdown}`
  const image = async () => {
    const { composeSvg } = await import('../download/image.ts')
    return composeSvg(drawn.svg, { title: viewTitle(model), source: viewSource(model), legend: drawn.legend })
  }
  /** Saves what `make` returns as the file `name.extension`. */
  const save = async (extension: string, make: () => Promise<Blob>) => {
    const [{ fileName, saveBlob }, blob] = await Promise.all([import('../download/save.ts'), make()])
    saveBlob(blob, fileName(name, extension))
  }
  const panel = document.createElement('div')
  panel.id = 'psl-integrer'
  panel.hidden = true
  const label = document.createElement('label')
  label.htmlFor = 'psl-code-integration'
  label.textContent = 'Code à copier dans votre page'
  const code = document.createElement('textarea')
  code.id = 'psl-code-integration'
  code.className = 'psl-embed-code'
  code.rows = 3
  code.readOnly = true
  code.value = embedSnippet(model, location.href)
  panel.append(label, code)
  const embed = button('Intégrer', () => {
    panel.hidden = !panel.hidden
    embed.setAttribute('aria-expanded', String(!panel.hidden))
    if (!panel.hidden) code.select()
  })
  embed.setAttribute('aria-controls', panel.id)
  embed.setAttribute('aria-expanded', 'false')
  const bar = document.createElement('div')
  bar.className = 'psl-tools'
  bar.append(
    embed,
    button('Données (CSV)', () =>
      save('csv', async () => {
        const { viewCsv } = await import('../download/csv.ts')
        const csv = viewCsv(
          drawn.cells,
          model.table.dimensions,
          model.state.measure,
          drawn.cells.some((c) => c.row?.[`${model.state.measure}_ic_bas`] !== undefined),
          model.hierarchies,
        )
        return new Blob([csv], { type: 'text/csv;charset=utf-8' })
      }),
    ),
    button('Image (SVG)', () =>
      save('svg', async () => {
        const { svgText } = await import('../download/image.ts')
        return new Blob([svgText(await image())], { type: 'image/svg+xml' })
      }),
    ),
    button('Image (PNG)', () =>
      save('png', async () => {
        const { svgToPng } = await import('../download/image.ts')
        return svgToPng(await image())
      }),
    ),
  )
  target.replaceChildren(bar, panel)
}
