/**
 * The few style rules of the charts' own elements (legends, swatches, the explorer's tools), injected
 * once by the bundle so that pages need no second stylesheet. Page-wide styles live in site.css.
 */
const RULES = `
.psl-chart-view{margin:.5rem 0 1rem;overflow-x:auto}
.psl-chart-view svg{max-width:100%;height:auto;display:block}
.psl-chart-view svg.psl-map{width:100%;max-width:720px}
.psl-legend{list-style:none;margin:.5rem 0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;font-size:.875rem}
.psl-legend li{display:flex;align-items:baseline;gap:.35rem;flex-wrap:wrap}
.psl-swatch{display:inline-block;width:1rem;height:1rem;border:1px solid #333;flex:none}
.psl-legend-note{color:#444}
.psl-credit{font-size:.8rem;color:#444;margin:.25rem 0}
.psl-chart-error{color:#8a1c1c}
body.embed main{padding:.75rem 1rem}
.psl-explorer-form{display:grid;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr));gap:.75rem 1rem;margin:1rem 0}
.psl-explorer-form label{display:block;font-weight:600;font-size:.9rem;margin-bottom:.2rem}
.psl-explorer-form select{width:100%;font:inherit;padding:.3rem}
.psl-explorer-form fieldset{border:1px solid #767676;padding:.5rem}
.psl-tools{display:flex;flex-wrap:wrap;gap:.5rem;margin:.75rem 0}
.psl-tools button{font:inherit;padding:.4rem .8rem;border:1px solid #1f5f9e;background:#fff;color:#1f5f9e;border-radius:3px;cursor:pointer}
.psl-tools button:hover{background:#eef4fa}
.psl-embed-code{width:100%;font-family:ui-monospace,monospace;font-size:.85rem}
.psl-data-table{border-collapse:collapse;font-size:.9rem;margin:.5rem 0}
.psl-data-table th,.psl-data-table td{border:1px solid #c4c4c4;padding:.25rem .5rem;text-align:left}
.psl-data-table td.num{text-align:right}
`

let injected = false

/** Adds the chart rules to the document's head (once). */
export function injectChartStyles(): void {
  if (injected) return
  injected = true
  const style = document.createElement('style')
  style.textContent = RULES
  document.head.append(style)
}
