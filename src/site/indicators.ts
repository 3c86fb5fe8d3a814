/**
 * The indicators the site presents to policymakers, each tied to a published measure. The numbers
 * come from whichever published table carries the measure (see `find-table.ts`); an indicator whose
 * measure no dataset publishes has no page.
 */
export interface Indicator {
  /** Folder of its page, `indicateurs/<id>/`. */
  readonly id: string
  /** Published measure column. */
  readonly measure: string
  readonly title: string
  /** One sentence for lists and the home page. */
  readonly summary: string
  /** The definition, in French (from the domain documentation). */
  readonly definition: string
  /** Shown on the home page as a key figure. */
  readonly key?: boolean
  /** Datasets to take the figures from first, in order (then any other that has the measure). */
  readonly prefer: readonly string[]
  /**
   * The share of the population whose outcome is known, when the rate is over that part only: a
   * rate over half the exits reads differently from one over all of them, and readers must see it
   * beside the rate (the key figure, and a column of each table that publishes it).
   */
  readonly coverage?: {
    readonly measure: string
    readonly label: string
    /** Whose outcome is known, after « résultat connu pour 87 % ». */
    readonly of: string
  }
}

const EXITS =
  'Les sorties de l’année sont suivies dans les déclarations sociales nominatives (DSN) ; une année de sortie n’est publiée qu’une fois toutes ses sorties observées'

export const INDICATORS: readonly Indicator[] = [
  {
    id: 'entrees',
    measure: 'nb_entrees',
    title: 'Entrées en formation',
    summary: 'Nombre de formations commencées dans l’année.',
    definition:
      'Dossiers de formation dont la date d’entrée tombe dans la période. Un dossier cofinancé par plusieurs financeurs compte une seule fois ; le nombre de personnes distinctes est publié à côté.',
    key: true,
    prefer: ['chiffres-cles', 'entrees-formation'],
  },
  {
    id: 'taux-emploi-6m',
    measure: 'taux_emploi_6m',
    title: 'Taux d’emploi salarié à 6 mois',
    summary: 'Part des sortants en emploi salarié six mois après la fin de leur formation.',
    definition: `Sortants de la période en emploi salarié 6 mois après la sortie (un contrat couvre la date de sortie + 6 mois), rapportés aux sortants dont la situation à 6 mois est observable. ${EXITS} ; le taux est publié avec son intervalle de confiance à 95 %.`,
    key: true,
    prefer: ['chiffres-cles', 'insertion-emploi'],
  },
  {
    id: 'taux-emploi-12m',
    measure: 'taux_emploi_12m',
    title: 'Taux d’emploi salarié à 12 mois',
    summary: 'Part des sortants en emploi salarié douze mois après la fin de leur formation.',
    definition: `Sortants en emploi salarié 12 mois après la sortie (un contrat couvre la date de sortie + 12 mois), rapportés aux sortants dont la situation à 12 mois est observable. ${EXITS}.`,
    prefer: ['insertion-emploi'],
  },
  {
    id: 'emploi-durable-6m',
    measure: 'taux_emploi_durable_6m',
    title: 'Taux d’emploi durable à 6 mois',
    summary: 'Part des sortants en CDI, ou en CDD ou intérim de 6 mois ou plus, six mois après la sortie.',
    definition: `Sortants dont le contrat qui couvre la date de sortie + 6 mois est un CDI, ou un CDD ou une mission d’intérim de 6 mois ou plus, rapportés aux sortants observés à 6 mois. ${EXITS}.`,
    prefer: ['insertion-emploi'],
  },
  {
    id: 'acces-emploi-6m',
    measure: 'taux_acces_emploi_6m',
    title: 'Taux d’accès à l’emploi à 6 mois',
    summary: 'Part des sortants ayant commencé un contrat d’au moins un mois dans les six mois.',
    definition: `Sortants dont un contrat d’au moins 1 mois commence entre la sortie et la sortie + 6 mois, rapportés aux sortants observés à 6 mois. ${EXITS}.`,
    prefer: ['insertion-emploi'],
  },
  {
    id: 'taux-certification',
    measure: 'taux_obtention',
    title: 'Taux d’obtention de la certification',
    summary: 'Part des sortants de formations certifiantes qui ont obtenu la certification visée.',
    definition:
      'Sorties de formations certifiantes (RNCP ou répertoire spécifique) dont la certification est obtenue, rapportées aux sorties certifiantes dont le résultat est connu. La part des résultats connus est publiée dans le même jeu de données.',
    key: true,
    prefer: ['chiffres-cles', 'sorties-resultats'],
    coverage: {
      measure: 'part_resultats_connus',
      label: 'Part des résultats connus',
      of: 'des sorties de formations certifiantes',
    },
  },
  {
    id: 'taux-abandon',
    measure: 'taux_abandon',
    title: 'Taux d’abandon',
    summary: 'Part des sorties pour abandon ou absence.',
    definition: 'Sorties dont le motif est un abandon ou une absence, rapportées à l’ensemble des sorties.',
    prefer: ['sorties-resultats'],
  },
  {
    id: 'accompagnements-cep',
    measure: 'nb_periodes',
    title: 'Accompagnements en conseil en évolution professionnelle',
    summary: 'Nombre de périodes d’accompagnement CEP commencées dans l’année.',
    definition:
      'Périodes d’accompagnement du conseil en évolution professionnelle (CEP) commencées dans la période, hors périodes annulées, transmises par les opérateurs CEP.',
    prefer: ['accompagnements-cep'],
  },
  {
    id: 'cep-formation-12m',
    measure: 'taux_formation_12m',
    title: 'Accompagnements CEP suivis d’une formation',
    summary: 'Part des accompagnements CEP suivis d’une entrée en formation dans les 12 mois.',
    definition:
      'Périodes d’accompagnement CEP suivies d’une entrée en formation dans les 12 mois après leur début, rapportées aux périodes observées à 12 mois. Une année n’est publiée qu’une fois toutes ses périodes observées (31 décembre + 12 mois atteint à la date des données).',
    prefer: ['accompagnements-cep'],
  },
  {
    id: 'montants-engages',
    measure: 'montant_engage',
    title: 'Montants engagés',
    summary: 'Euros engagés par les financeurs pour les formations.',
    definition:
      'Somme des montants engagés par les financeurs sur les dossiers de la période. Ces montants sont soumis à la règle de dominance : une cellule n’est publiée que si elle réunit au moins 3 organismes (des entreprises : les établissements d’une même entreprise comptent pour un) et qu’aucun ne dépasse 85 % du total.',
    prefer: ['financements'],
  },
]
