import { STATUS_MEANINGS } from '../cells.ts'
import { escapeAttribute, escapeHtml } from '../html.ts'

/** `a-propos/index.html`: sources, method, statistical secrecy and licence (the footer links here). */
export function renderAboutMain(): string {
  const root = '../'
  const statuses = Object.entries(STATUS_MEANINGS)
    .map(([code, meaning]) => `<li><code>${code}</code> : ${escapeHtml(meaning)}</li>`)
    .join('')
  return `<h1>Sources, méthode et protection des données</h1>
<h2 id="sources">Sources</h2>
<p>Les financeurs de la formation professionnelle (Régions, opérateurs de compétences, France Travail, Caisse des Dépôts pour le CPF, Transitions Pro, Agefiph) et les opérateurs du conseil en évolution professionnelle transmettent leurs dossiers au hub Passerelle. Le hub rapproche les dossiers cofinancés (un dossier compte une seule fois), les complète par les référentiels (organismes, certifications, communes) et observe l’insertion dans l’emploi à partir des contrats déclarés en DSN.</p>
<h2 id="methode">Méthode</h2>
<p>Chaque publication est une version datée. Les tables croisent quelques dimensions avec toutes leurs marges : le code <code>_T</code> désigne le total d’une dimension ; les territoires sont codés par niveau (<code>R84</code> région, <code>D01</code> département, <code>C01053</code> commune). Les taux sont publiés entre 0 et 1 avec leur intervalle de confiance à 95 % (méthode de Wilson). La méthode propre à chaque jeu de données figure sur sa page du <a href="${root}catalogue/index.html">catalogue</a>.</p>
<p>Les taux de suivi (emploi salarié à 6 et 12 mois, passage du conseil en évolution professionnelle à la formation) ne comptent une année de sortie, ou de début d’accompagnement, qu’une fois toute l’année observée : le 30 juin de l’année suivante pour l’emploi à 6 mois, le 31 décembre de l’année suivante pour les suivis à 12 mois. Avant, leur taux est non défini (<abbr title="non défini">n.d.</abbr>) ; une fois publiée, une année ne change plus qu’avec les transmissions tardives.</p>
<h2 id="secret-statistique">Secret statistique</h2>
<p>Aucune valeur publiée ne doit permettre de reconnaître une personne. Une cellule qui compte de 1 à 10 personnes n’est pas diffusée ; un taux n’est diffusé que si son dénominateur compte au moins 20 personnes et si ni son numérateur ni son complément ne comptent de 1 à 10 personnes ; un montant n’est diffusé que s’il réunit au moins 3 organismes dont aucun ne dépasse 85 % du total. D’autres cellules sont ensuite masquées pour qu’aucune valeur secrète ne puisse être recalculée à partir des totaux et des autres tables (secret secondaire), y compris des versions précédentes encore en ligne.</p>
<p>Dans les fichiers, une valeur masquée est un champ vide, jamais un zéro, et sa colonne <code>_statut</code> dit pourquoi :</p>
<ul>${statuses}</ul>
<p>Sur ce site, une valeur masquée est affichée <span class="secret">secret</span>, sur fond hachuré. Un zéro publié est un vrai zéro.</p>
<h2 id="licence">Licence</h2>
<p>Les données sont publiées sous la Licence Ouverte / Open Licence version 2.0 d’Etalab : vous pouvez les réutiliser librement, y compris commercialement, en citant la source (« Passerelle, hub de la formation professionnelle ») et la date de la version utilisée.</p>
<h2 id="formats">Formats et flux</h2>
<ul>
<li>Chaque table est publiée en CSV (UTF-8, virgule), JSON et Parquet, décrite par un Data Package Frictionless.</li>
<li>Le <a href="${root}catalog.jsonld">catalogue DCAT-AP</a> décrit tous les jeux de données.</li>
<li>Le <a href="${root}flux.atom">flux Atom</a> annonce chaque nouvelle publication.</li>
</ul>`
}

/** `partenaires/index.html`: the way to the partner area, which the hub serves. */
export function renderPartnersMain(): string {
  const root = '../'
  return `<h1>Espace partenaire</h1>
<p class="lead">Financeurs et opérateurs CEP : transmettez vos dossiers et retrouvez les données nominatives des dossiers auxquels vous avez contribué.</p>
<div class="callout">
<p>L’espace partenaire est servi par le hub Passerelle lui-même, avec une authentification : il n’existe pas dans une copie statique de ce site.</p>
<p><a href="${root}espace-partenaire/">Accéder à l’espace partenaire</a></p>
</div>
<h2 id="transmettre">Transmettre des dossiers</h2>
<p>Les partenaires envoient leurs dossiers à l’API du hub (<code>/api/v1/records</code>, format d’échange v1) avec le jeton que l’opérateur du hub leur a remis. Chaque dossier rejeté est accompagné de la règle enfreinte et du champ en cause.</p>
<h2 id="donnees-publiees">Ce qui est publié</h2>
<p>Seules des statistiques agrégées et protégées par le <a href="${root}a-propos/index.html#secret-statistique">secret statistique</a> quittent le hub ; elles sont décrites dans le <a href="${root}catalogue/index.html">catalogue</a>.</p>`
}

/**
 * `404.html`: shown by the host for a missing page at any depth, so its links start from `root`, the
 * site's path on its host (e.g. `/` or `/passerelle/`), not from the page's folder.
 */
export function renderNotFoundMain(root: string): string {
  const link = (href: string, label: string) =>
    `<li><a href="${escapeAttribute(root + href)}">${escapeHtml(label)}</a></li>`
  return `<h1>Page introuvable</h1>
<p class="lead">Cette page n’existe pas ou a changé d’adresse.</p>
<ul>
${link('index.html', 'Retour à l’accueil')}
${link('indicateurs/index.html', 'Les indicateurs')}
${link('catalogue/index.html', 'Le catalogue des jeux de données')}
</ul>`
}
