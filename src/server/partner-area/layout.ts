import { html } from 'hono/html'
import type { HtmlEscapedString } from 'hono/utils/html'

/** Any fragment built with `html```: interpolated values are escaped. */
export type Html = HtmlEscapedString | Promise<HtmlEscapedString>

const NAV = [
  ['recherche', 'Recherche'],
  ['changements', 'Changements'],
  ['tableau-de-bord', 'Tableau de bord'],
  ['qualite', 'Qualité des données'],
  ['export', 'Export'],
  ['mot-de-passe', 'Mot de passe'],
] as const

/**
 * A page of the partner area: French, a skip link, the navigation when signed in, one `main`.
 * Everything is served by the hub itself (no external request; a data: icon, or browsers would ask
 * for /favicon.ico). The referrer policy keeps URLs (dossier ids) from other sites, but not
 * `no-referrer`: under it a browser sends `Origin: null` on the hub's own form posts, which the
 * CSRF origin check must refuse, and no one could sign in.
 */
export function page(
  title: string,
  body: Html,
  session?: { partnerName: string; email: string; csrfToken: string },
): Html {
  return html`<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<link rel="icon" href="data:,">
<title>${title} — Espace partenaire Passerelle</title>
<link rel="stylesheet" href="/espace-partenaire/style.css">
</head>
<body>
<a class="evitement" href="#contenu">Aller au contenu</a>
<header>
<p class="marque">Passerelle — espace partenaire</p>
${
  session
    ? html`<nav aria-label="Menu principal"><ul>${NAV.map(
        ([href, label]) => html`<li><a href="/espace-partenaire/${href}">${label}</a></li>`,
      )}</ul></nav>
<form method="post" action="/espace-partenaire/deconnexion" class="session">
<span>${session.partnerName} — ${session.email}</span>
<input type="hidden" name="csrf" value="${session.csrfToken}">
<button type="submit">Se déconnecter</button>
</form>`
    : ''
}
</header>
<main id="contenu">
<h1>${title}</h1>
${body}
</main>
</body>
</html>`
}

/**
 * A rate as a French percentage with one decimal always (`75,0 %` beside `82,5 %`, as the public
 * site prints them), the sign held to its number; a dash when there is no denominator.
 */
export function percent(rate: number | null): string {
  return rate === null
    ? '—'
    : `${(rate * 100).toLocaleString('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}\u00a0%`
}

/** A count with French digit grouping. */
export function count(n: number): string {
  return n.toLocaleString('fr-FR')
}

/**
 * A table in its own scrolling region, labelled by its caption (`id`): on a phone the table
 * scrolls sideways and the page does not (WCAG 1.4.10); the region takes the keyboard focus so
 * that it can be scrolled without a pointer.
 */
export function wideTable(id: string, caption: Html | string, rows: Html): Html {
  return html`<div class="defilement" role="region" aria-labelledby="${id}" tabindex="0">
<table><caption id="${id}">${caption}</caption>
${rows}</table></div>`
}

/** A link to one of the partner's dossiers, by its record id. */
export function dossierLink(id: string): Html {
  return html`<a href="/espace-partenaire/dossiers/${encodeURIComponent(id)}">${id}</a>`
}
