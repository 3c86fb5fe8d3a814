// Catalogue search and facets: filters the list the page already holds (it works without this
// script) with the words and facets of catalogue/index.json. No request leaves the site.

const form = document.getElementById('filtres')
const list = document.getElementById('liste')
const count = document.getElementById('resultats')

const fold = (text) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()

async function start() {
  if (!form || !list || !count) return
  const response = await fetch(new URL('index.json', document.baseURI))
  if (!response.ok) return
  const { datasets } = await response.json()
  const bySlug = new Map(
    datasets.map((d) => [
      d.slug,
      {
        ...d,
        text: fold([d.title, d.description, ...d.keywords, ...d.tables, ...d.columns, ...d.places].join(' ')),
      },
    ]),
  )
  const checked = (name) =>
    [...form.querySelectorAll(`input[name="${name}"]:checked`)].map((input) => input.value)

  function update() {
    const words = fold(form.elements.namedItem('q').value).split(/\s+/).filter(Boolean)
    const themes = checked('theme')
    const levels = checked('niveau')
    const years = checked('annee')
    let shown = 0
    for (const item of list.querySelectorAll('li.card')) {
      const d = bySlug.get(item.dataset.slug)
      const match =
        d !== undefined &&
        words.every((w) => d.text.includes(w)) &&
        (themes.length === 0 || themes.some((t) => d.themes.includes(t))) &&
        (levels.length === 0 || levels.some((l) => d.levels.includes(l))) &&
        (years.length === 0 || years.some((y) => d.years.includes(y)))
      item.hidden = !match
      if (match) shown++
    }
    count.textContent = `${shown} jeu${shown > 1 ? 'x' : ''} de données sur ${bySlug.size}`
  }

  form.hidden = false
  form.addEventListener('input', update)
  form.addEventListener('submit', (event) => event.preventDefault())
  update()
}

start()
