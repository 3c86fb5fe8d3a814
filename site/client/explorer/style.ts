/** The style rules of the explorer's form, tools, table and embedded view (only its pages load them). */
export const EXPLORER_RULES = `
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
