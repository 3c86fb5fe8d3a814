/**
 * The vocabulary dataset definitions may use: populations (what a table counts, on which fact
 * table), dimensions (their levels and the SQL giving each level's code) and measures (SQL
 * aggregates or rates of two measures). Labels and units are in French: they are published.
 * @module
 */

/** What a table counts. Tables on the same population are linked for protection. */
export type PopulationName = 'entrees' | 'sorties' | 'cep' | 'financements'

export interface Population {
  readonly name: PopulationName
  readonly label: string
  /** Fact table (built by `src/publish/facts`). */
  readonly factTable: 'publish_fact_dossier' | 'publish_fact_cep' | 'publish_fact_funding'
  /** SQL condition on the fact table selecting the population. */
  readonly where: string
  /** Date column the `periode` dimension is computed from. */
  readonly periodDate: string
  /** The additive count that is the protection variable `n` (first measure of every table). */
  readonly count: MeasureName
  /**
   * SQL expression over the fact row naming the contributor of magnitudes, for dominance rules
   * (financements: the organism's legal unit).
   */
  readonly contributor?: string
  /** Its period date may lie after the data date (a training's planned start): see withPlannedPeriods. */
  readonly plannedPeriods?: true
}

export const POPULATIONS: Readonly<Record<PopulationName, Population>> = {
  entrees: {
    name: 'entrees',
    label: 'entrées en formation',
    factTable: 'publish_fact_dossier',
    where: 'entry_date is not null',
    periodDate: 'entry_date',
    count: 'nb_entrees',
  },
  sorties: {
    name: 'sorties',
    label: 'sorties de formation',
    factTable: 'publish_fact_dossier',
    where: 'exit_date is not null',
    periodDate: 'exit_date',
    count: 'nb_sorties',
  },
  cep: {
    name: 'cep',
    label: 'périodes de conseil en évolution professionnelle',
    factTable: 'publish_fact_cep',
    where: 'true',
    periodDate: 'start_date',
    count: 'nb_periodes',
  },
  financements: {
    name: 'financements',
    label: 'financements engagés',
    factTable: 'publish_fact_funding',
    where: 'true',
    periodDate: 'period_date',
    count: 'nb_financements',
    // The legal unit (SIREN, the SIRET's first 9 digits), not the establishment: business secrecy
    // protects an enterprise, and one whose establishments counted apart could be "3 organisms"
    // alone in a cell, or stay under 85 % in each of them while holding the whole amount.
    contributor: 'left(organism_siret, 9)',
    plannedPeriods: true,
  },
}

/** A level of a dimension: its name and the SQL giving a code of that level from a fact row. */
export interface Level {
  readonly name: string
  readonly label: string
  /** SQL expression; `$date` stands for the population's period date column. */
  readonly sql: string
}

export type DimensionName =
  | 'periode'
  | 'territoire'
  | 'territoire_formation'
  | 'qpv'
  | 'dispositif'
  | 'type_financeur'
  | 'financeur'
  | 'statut_entree'
  | 'sexe'
  | 'tranche_age'
  | 'niveau_certification'
  | 'domaine_nsf'
  | 'modalite'
  | 'organisme'
  | 'operateur_cep'
  | 'niveau_cep'

export interface Dimension {
  readonly name: DimensionName
  readonly label: string
  readonly description: string
  /** Levels from the top (under the total `_T`) down. */
  readonly levels: readonly Level[]
  /** Fact tables having the columns this dimension reads. */
  readonly facts: readonly Population['factTable'][]
}

const DOSSIER = 'publish_fact_dossier' as const
const CEP = 'publish_fact_cep' as const
const FUNDING = 'publish_fact_funding' as const

const flat = (name: string, label: string, sql: string): Level[] => [{ name, label, sql }]

export const DIMENSIONS: Readonly<Record<DimensionName, Dimension>> = {
  periode: {
    name: 'periode',
    label: 'Période',
    description:
      'Année, trimestre ou mois de la date de référence de la population (entrée, sortie, début d’accompagnement). Une période en cours à la date des données n’est couverte que jusqu’à cette date et son libellé le dit, par exemple « 2026 (jusqu’au 30 septembre) » : ses effectifs ne se comparent pas à ceux d’une période complète. Les financements, datés du début de la formation, comptent aussi les formations prévues après la date des données : leur période en cours se lit alors « 2026 (dont formations prévues) », une période à venir « 4e trimestre 2026 (formations prévues) ».',
    levels: [
      { name: 'annee', label: 'Année', sql: "to_char($date, 'YYYY')" },
      // One to_char (the T quoted) rather than two joined: the same code, evaluated for every row
      // of every scan of the aggregation, in two thirds of the time (190 vs 316 ms per 1 M rows).
      { name: 'trimestre', label: 'Trimestre', sql: 'to_char($date, \'YYYY-"T"Q\')' },
      { name: 'mois', label: 'Mois', sql: "to_char($date, 'YYYY-MM')" },
    ],
    facts: [DOSSIER, CEP, FUNDING],
  },
  territoire: {
    name: 'territoire',
    label: 'Territoire de résidence',
    description:
      'Région, département et commune de résidence de la personne (code officiel géographique INSEE).',
    levels: [
      { name: 'region', label: 'Région', sql: "'R' || coalesce(res_region, 'ZZ')" },
      { name: 'departement', label: 'Département', sql: "'D' || coalesce(res_departement, 'ZZ')" },
      { name: 'commune', label: 'Commune', sql: "'C' || coalesce(res_commune, 'ZZZZZ')" },
    ],
    facts: [DOSSIER, CEP, FUNDING],
  },
  territoire_formation: {
    name: 'territoire_formation',
    label: 'Lieu de formation',
    description: 'Région et département du lieu de formation (ZZ : non renseigné ou formation à distance).',
    levels: [
      { name: 'region', label: 'Région', sql: "'R' || coalesce(place_region, 'ZZ')" },
      { name: 'departement', label: 'Département', sql: "'D' || coalesce(place_departement, 'ZZ')" },
    ],
    facts: [DOSSIER],
  },
  qpv: {
    name: 'qpv',
    label: 'Résidence en QPV',
    description: 'La personne réside dans un quartier prioritaire de la politique de la ville.',
    levels: flat('qpv', 'QPV', "case when qpv then 'oui' else 'non' end"),
    facts: [DOSSIER],
  },
  dispositif: {
    name: 'dispositif',
    label: 'Dispositif',
    description: 'Dispositif de financement de la formation (liste des dispositifs du hub).',
    levels: flat('dispositif', 'Dispositif', 'dispositif'),
    facts: [DOSSIER, FUNDING],
  },
  type_financeur: {
    name: 'type_financeur',
    label: 'Type de financeur',
    description: 'Région, OPCO, France Travail, Caisse des Dépôts (CPF), Transitions Pro, Agefiph.',
    levels: flat('type_financeur', 'Type de financeur', 'funder_kind'),
    facts: [DOSSIER, FUNDING],
  },
  financeur: {
    name: 'financeur',
    label: 'Financeur',
    description:
      'Partenaire financeur (pour un dossier cofinancé : le financeur principal, qui engage le plus).',
    levels: flat('financeur', 'Financeur', 'funder'),
    facts: [DOSSIER, FUNDING],
  },
  statut_entree: {
    name: 'statut_entree',
    label: 'Statut à l’entrée',
    description: 'Statut de la personne à l’entrée en formation ou en accompagnement (NR : non renseigné).',
    levels: flat('statut_entree', 'Statut à l’entrée', "coalesce(status_at_entry, 'NR')"),
    facts: [DOSSIER, CEP],
  },
  sexe: {
    name: 'sexe',
    label: 'Sexe',
    description: 'Sexe de la personne (F, M).',
    levels: flat('sexe', 'Sexe', 'sex'),
    facts: [DOSSIER, CEP, FUNDING],
  },
  tranche_age: {
    name: 'tranche_age',
    label: 'Tranche d’âge',
    description:
      'Âge à l’entrée (ou au début de l’accompagnement) : moins de 26 ans, 26 à 44 ans, 45 ans ou plus.',
    levels: flat('tranche_age', 'Tranche d’âge', 'age_band'),
    facts: [DOSSIER, CEP, FUNDING],
  },
  niveau_certification: {
    name: 'niveau_certification',
    label: 'Niveau de certification visé',
    description: 'Niveau du cadre national des certifications (1 à 8) ; « sans » : formation sans niveau.',
    levels: flat('niveau_certification', 'Niveau', 'cert_level'),
    facts: [DOSSIER],
  },
  domaine_nsf: {
    name: 'domaine_nsf',
    label: 'Domaine de formation (NSF)',
    description:
      'Nomenclature des spécialités de formation : domaine (premier chiffre) puis groupe ; X : non renseigné.',
    levels: [
      { name: 'domaine', label: 'Domaine NSF', sql: "coalesce(nsf_domain, 'X')" },
      { name: 'groupe', label: 'Groupe NSF', sql: "coalesce(nsf_group, 'XXX')" },
    ],
    facts: [DOSSIER],
  },
  modalite: {
    name: 'modalite',
    label: 'Modalité',
    description: 'Présentiel, mixte ou à distance.',
    levels: flat('modalite', 'Modalité', 'modality'),
    facts: [DOSSIER],
  },
  organisme: {
    name: 'organisme',
    label: 'Organisme de formation',
    description:
      'Organisme de formation (SIRET), sous la région de son établissement (RZZ : inconnue du référentiel).',
    levels: [
      { name: 'region', label: 'Région', sql: "'R' || coalesce(organism_region, 'ZZ')" },
      { name: 'organisme', label: 'Organisme (SIRET)', sql: 'organism_siret' },
    ],
    facts: [DOSSIER],
  },
  operateur_cep: {
    name: 'operateur_cep',
    label: 'Opérateur CEP',
    description:
      'Type d’opérateur du conseil en évolution professionnelle (France Travail, Apec, Missions locales, Cap emploi, opérateurs régionaux).',
    levels: flat('operateur_cep', 'Opérateur', 'operator'),
    facts: [CEP],
  },
  niveau_cep: {
    name: 'niveau_cep',
    label: 'Niveau d’accompagnement CEP',
    description: 'Niveau 1 (accueil individualisé) ou 2 (conseil personnalisé).',
    levels: flat('niveau_cep', 'Niveau', 'level::text'),
    facts: [CEP],
  },
}

export type MeasureName =
  | 'nb_entrees'
  | 'nb_sorties'
  | 'nb_periodes'
  | 'nb_financements'
  | 'nb_personnes'
  | 'heures_prevues'
  | 'heures_realisees'
  | 'duree_moyenne_prevue'
  | 'taux_realisation'
  | 'nb_abandons'
  | 'taux_abandon'
  | 'nb_sorties_certifiantes'
  | 'nb_resultats_connus'
  | 'part_resultats_connus'
  | 'nb_certifies'
  | 'taux_obtention'
  | 'nb_connus_6m'
  | 'nb_emploi_6m'
  | 'taux_emploi_6m'
  | 'nb_emploi_durable_6m'
  | 'taux_emploi_durable_6m'
  | 'nb_acces_emploi_6m'
  | 'taux_acces_emploi_6m'
  | 'nb_en_formation_6m'
  | 'part_en_formation_6m'
  | 'nb_connus_12m'
  | 'nb_emploi_12m'
  | 'taux_emploi_12m'
  | 'nb_suivis_connus'
  | 'nb_formation_12m'
  | 'taux_formation_12m'
  | 'montant_engage'
  | 'montant_moyen'

/**
 * - `count`: the population's additive count (protection variable `n`).
 * - `persons`: distinct persons, not additive; the persons rule applies at every level.
 * - `sum`: additive SQL aggregate (hours, euros, counts of a sub-population).
 * - `rate`: numerator / denominator of two measures, the population's count or counts of a flag; the
 *   rate rule (denominator ≥ 20 persons, numerator and complement not 1–10 persons) applies to the
 *   distinct persons of both and of the complement; `interval`: Wilson 95 %.
 * - `ratio`: quotient of two measures (mean hours, hours completed / planned); no extra rule.
 */
export type Measure =
  | {
      readonly kind: 'count' | 'persons' | 'sum'
      readonly sql: string
      /** For a count of the rows where a fact flag holds: that flag (the rate rule counts its persons). */
      readonly flag?: string
    }
  | {
      readonly kind: 'rate' | 'ratio'
      readonly numerator: MeasureName
      readonly denominator: MeasureName
      readonly interval?: boolean
    }

export interface MeasureInfo {
  readonly name: MeasureName
  readonly label: string
  readonly description: string
  /** Unit as published (`dossiers`, `personnes`, `heures`, `euros`, `proportion`). */
  readonly unit: string
  readonly populations: readonly PopulationName[]
  readonly measure: Measure
  /**
   * For the members of cohorts observed at a horizon (`nb_connus_6m`): its months. A cohort (the
   * calendar year of the population's date) counts only once observed whole (indicators/cohort.ts);
   * the documentation says which cohorts are in and when the next one comes.
   */
  readonly followUpMonths?: number
}

const m = (
  name: MeasureName,
  populations: PopulationName[],
  unit: string,
  label: string,
  description: string,
  measure: Measure,
): MeasureInfo => ({ name, label, description, unit, populations, measure })

/** The members of cohorts observed at `months` months, whose rates are published whole. */
const observed = (months: number, info: MeasureInfo): MeasureInfo => ({ ...info, followUpMonths: months })

const count = (flag: string): Measure => ({ kind: 'sum', sql: `count(*) filter (where ${flag})`, flag })
const rate = (numerator: MeasureName, denominator: MeasureName, interval = true): Measure => ({
  kind: 'rate',
  numerator,
  denominator,
  interval,
})
const S: PopulationName[] = ['sorties']

export const MEASURES: Readonly<Record<MeasureName, MeasureInfo>> = Object.fromEntries(
  [
    m(
      'nb_entrees',
      ['entrees'],
      'dossiers',
      'Entrées',
      'Dossiers dont la date d’entrée tombe dans la période (un dossier cofinancé compte une fois).',
      { kind: 'count', sql: 'count(*)' },
    ),
    m('nb_sorties', S, 'dossiers', 'Sorties', 'Dossiers dont la date de sortie tombe dans la période.', {
      kind: 'count',
      sql: 'count(*)',
    }),
    m(
      'nb_periodes',
      ['cep'],
      'périodes',
      'Périodes CEP',
      'Périodes d’accompagnement commencées dans la période (hors annulées).',
      { kind: 'count', sql: 'count(*)' },
    ),
    m(
      'nb_financements',
      ['financements'],
      'financements',
      'Financements',
      'Engagements de financement (un par financeur et par dossier).',
      { kind: 'count', sql: 'count(*)' },
    ),
    m(
      'nb_personnes',
      ['entrees', 'sorties', 'cep', 'financements'],
      'personnes',
      'Personnes',
      'Personnes distinctes parmi les dossiers de la cellule.',
      { kind: 'persons', sql: 'count(distinct person_id)' },
    ),
    m(
      'heures_prevues',
      ['entrees', 'sorties'],
      'heures',
      'Heures prévues',
      'Somme des durées prévues des formations.',
      { kind: 'sum', sql: 'sum(planned_hours)' },
    ),
    m(
      'heures_realisees',
      S,
      'heures',
      'Heures réalisées',
      'Somme des heures effectivement suivies, sur les sorties (une sortie sans heures suivies déclarées compte pour 0).',
      { kind: 'sum', sql: 'coalesce(sum(hours_completed), 0)' },
    ),
    m('duree_moyenne_prevue', ['entrees'], 'heures', 'Durée moyenne prévue', 'Heures prévues / entrées.', {
      kind: 'ratio',
      numerator: 'heures_prevues',
      denominator: 'nb_entrees',
    }),
    m(
      'taux_realisation',
      S,
      'proportion',
      'Taux de réalisation',
      'Heures réalisées / heures prévues, sur les sorties ; une sortie dont le financeur n’a pas déclaré les heures suivies compte pour 0 heure réalisée, ce qui tire le taux vers le bas.',
      { kind: 'ratio', numerator: 'heures_realisees', denominator: 'heures_prevues' },
    ),
    m('nb_abandons', S, 'dossiers', 'Abandons', 'Sorties pour abandon ou absence.', count('abandoned')),
    m(
      'taux_abandon',
      S,
      'proportion',
      'Taux d’abandon',
      'Sorties pour abandon ou absence / sorties.',
      rate('nb_abandons', 'nb_sorties'),
    ),
    m(
      'nb_sorties_certifiantes',
      S,
      'dossiers',
      'Sorties de formations certifiantes',
      'Sorties de formations visant une certification RNCP ou RS.',
      count('certifying'),
    ),
    m(
      'nb_resultats_connus',
      S,
      'dossiers',
      'Résultats connus',
      'Sorties certifiantes dont le résultat de certification est connu.',
      count('certification_known'),
    ),
    m(
      'part_resultats_connus',
      S,
      'proportion',
      'Part des résultats connus',
      'Résultats connus / sorties certifiantes.',
      rate('nb_resultats_connus', 'nb_sorties_certifiantes', false),
    ),
    m(
      'nb_certifies',
      S,
      'dossiers',
      'Certifications obtenues',
      'Sorties certifiantes avec certification obtenue.',
      count('certified'),
    ),
    m(
      'taux_obtention',
      S,
      'proportion',
      'Taux d’obtention',
      'Certifications obtenues / sorties certifiantes au résultat connu.',
      rate('nb_certifies', 'nb_resultats_connus'),
    ),
    observed(
      6,
      m(
        'nb_connus_6m',
        S,
        'dossiers',
        'Sorties observées à 6 mois',
        'Sorties dont la situation à 6 mois est observable : toute leur année de sortie l’est (31 décembre + 6 mois atteint à la date des données).',
        count('emp6_known'),
      ),
    ),
    m(
      'nb_emploi_6m',
      S,
      'dossiers',
      'En emploi salarié à 6 mois',
      'Un contrat (DSN) couvre la date de sortie + 6 mois.',
      count('emp6_salaried'),
    ),
    m(
      'taux_emploi_6m',
      S,
      'proportion',
      'Taux d’emploi salarié à 6 mois',
      'En emploi salarié à 6 mois / sorties observées à 6 mois.',
      rate('nb_emploi_6m', 'nb_connus_6m'),
    ),
    m(
      'nb_emploi_durable_6m',
      S,
      'dossiers',
      'En emploi durable à 6 mois',
      'Le contrat qui couvre sortie + 6 mois est un CDI, ou un CDD/intérim de 6 mois ou plus.',
      count('emp6_lasting'),
    ),
    m(
      'taux_emploi_durable_6m',
      S,
      'proportion',
      'Taux d’emploi durable à 6 mois',
      'En emploi durable à 6 mois / sorties observées à 6 mois.',
      rate('nb_emploi_durable_6m', 'nb_connus_6m'),
    ),
    m(
      'nb_acces_emploi_6m',
      S,
      'dossiers',
      'Accès à l’emploi dans les 6 mois',
      'Un contrat d’au moins 1 mois commence entre la sortie et sortie + 6 mois.',
      count('emp6_access'),
    ),
    m(
      'taux_acces_emploi_6m',
      S,
      'proportion',
      'Taux d’accès à l’emploi à 6 mois',
      'Accès à l’emploi dans les 6 mois / sorties observées à 6 mois.',
      rate('nb_acces_emploi_6m', 'nb_connus_6m'),
    ),
    m(
      'nb_en_formation_6m',
      S,
      'dossiers',
      'En formation à 6 mois',
      'Sans contrat couvrant sortie + 6 mois mais entrés dans une autre formation à cette date.',
      count('emp6_in_training'),
    ),
    m(
      'part_en_formation_6m',
      S,
      'proportion',
      'Part en formation à 6 mois',
      'En formation à 6 mois / sorties observées à 6 mois.',
      rate('nb_en_formation_6m', 'nb_connus_6m', false),
    ),
    observed(
      12,
      m(
        'nb_connus_12m',
        S,
        'dossiers',
        'Sorties observées à 12 mois',
        'Sorties dont la situation à 12 mois est observable : toute leur année de sortie l’est (31 décembre + 12 mois atteint).',
        count('emp12_known'),
      ),
    ),
    m(
      'nb_emploi_12m',
      S,
      'dossiers',
      'En emploi salarié à 12 mois',
      'Un contrat (DSN) couvre la date de sortie + 12 mois.',
      count('emp12_salaried'),
    ),
    m(
      'taux_emploi_12m',
      S,
      'proportion',
      'Taux d’emploi salarié à 12 mois',
      'En emploi salarié à 12 mois / sorties observées à 12 mois.',
      rate('nb_emploi_12m', 'nb_connus_12m'),
    ),
    observed(
      12,
      m(
        'nb_suivis_connus',
        ['cep'],
        'périodes',
        'Périodes observées à 12 mois',
        'Périodes dont la suite à 12 mois est observable : toute leur année de début l’est (31 décembre + 12 mois atteint à la date des données).',
        count('followup_known'),
      ),
    ),
    m(
      'nb_formation_12m',
      ['cep'],
      'périodes',
      'Suivies d’une formation',
      'Périodes suivies d’une entrée en formation dans les 12 mois du début.',
      count('followed_by_training'),
    ),
    m(
      'taux_formation_12m',
      ['cep'],
      'proportion',
      'Taux CEP → formation à 12 mois',
      'Suivies d’une formation dans les 12 mois / périodes observées à 12 mois.',
      rate('nb_formation_12m', 'nb_suivis_connus'),
    ),
    m(
      'montant_engage',
      ['financements'],
      'euros',
      'Montants engagés',
      'Somme des euros engagés par les financeurs (règle de dominance par organisme).',
      // Whole cents per line, so that linked tables add up to exactly the same amounts (the
      // protection of amounts links them in cents; the feed does not bound the decimals).
      { kind: 'sum', sql: 'sum(round(committed, 2))' },
    ),
    m('montant_moyen', ['financements'], 'euros', 'Montant moyen', 'Montants engagés / financements.', {
      kind: 'ratio',
      numerator: 'montant_engage',
      denominator: 'nb_financements',
    }),
  ].map((info) => [info.name, info]),
) as Record<MeasureName, MeasureInfo>
