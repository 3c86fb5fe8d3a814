/**
 * The few style rules of the elements the browser code draws (legends, swatches; the explorer's form
 * and tools in `explorer/style.ts`), injected by the bundle so that pages need no second stylesheet.
 * Page-wide styles live in site.css.
 */
const CHART_RULES = `
.psl-chart-view{margin:.5rem 0 1rem;overflow-x:auto}
.psl-chart-view svg{max-width:100%;height:auto;display:block}
.psl-chart-view svg.psl-map{width:100%;max-width:720px}
.psl-legend{list-style:none;margin:.5rem 0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;font-size:.875rem}
.psl-legend li{display:flex;align-items:baseline;gap:.35rem;flex-wrap:wrap}
.psl-swatch{display:inline-block;width:1rem;height:1rem;border:1px solid #333;flex:none}
.psl-legend-note{color:#444}
.psl-credit{font-size:.8rem;color:#444;margin:.25rem 0}
.psl-chart-error{color:#8a1c1c}
`

const injected = new Set<string>()

/** Adds `rules` to the document's head (once). */
export function injectStyles(rules: string): void {
  if (injected.has(rules)) return
  injected.add(rules)
  const style = document.createElement('style')
  style.textContent = rules
  document.head.append(style)
}

/** Adds the chart rules to the document's head (once). */
export function injectChartStyles(): void {
  injectStyles(CHART_RULES)
}
