/** The partner area's stylesheet, served at /espace-partenaire/style.css. System fonts only. */
export const PARTNER_CSS = `
:root { color-scheme: light; --bleu: #000091; --gris: #f6f6f6; --texte: #161616; --bord: #929292; }
* { box-sizing: border-box; }
body { margin: 0; font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--texte); }
.evitement { position: absolute; left: -999px; }
.evitement:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; z-index: 1; }
header { background: var(--bleu); color: #fff; padding: .5rem 1rem; display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; }
header a, header span { color: #fff; }
.marque { font-weight: 700; margin: 0; }
nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 1rem; margin: 0; padding: 0; }
.session { margin-left: auto; display: flex; gap: .5rem; align-items: center; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem; }
a:focus, button:focus, input:focus, select:focus { outline: 3px solid #fc5d00; outline-offset: 2px; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
.defilement { overflow-x: auto; margin: 1rem 0; }
.defilement:focus { outline: 3px solid #fc5d00; outline-offset: 2px; }
.defilement table { margin: 0; }
caption { text-align: left; font-weight: 700; padding: .5rem 0; }
th, td { border: 1px solid var(--bord); padding: .25rem .5rem; text-align: left; vertical-align: top; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
thead th { background: var(--gris); }
form.champs { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(14rem, 100%), 1fr)); gap: .75rem; }
form.champs > p { min-width: 0; }
label { display: block; font-weight: 600; }
input, select { width: 100%; padding: .4rem; border: 1px solid var(--bord); font: inherit; }
button { background: var(--bleu); color: #fff; border: 0; padding: .5rem 1rem; font: inherit; cursor: pointer; }
.erreur { border-left: 4px solid #ce0500; padding: .5rem 1rem; background: #fee; }
.info { border-left: 4px solid var(--bleu); padding: .5rem 1rem; background: #eef; }
details { margin: .5rem 0; }
pre { white-space: pre-wrap; background: var(--gris); padding: .5rem; font-size: .85rem; }
`
