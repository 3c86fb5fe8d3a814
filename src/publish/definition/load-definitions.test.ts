import { describe, expect, it } from 'vitest'
import { type DefinitionFile, loadDefinitions } from './load-definitions.ts'

const JSON_FILE = 'datasets/demo/dataset.json'
const README = 'datasets/demo/README.md'

const table = (overrides: Record<string, unknown> = {}) => ({
  name: 'entrees_region',
  title: 'Entrées par région',
  description: 'Entrées par année et région.',
  population: 'entrees',
  dimensions: [
    { name: 'periode', depth: 'annee' },
    { name: 'territoire', depth: 'region' },
  ],
  measures: ['nb_entrees', 'nb_personnes'],
  ...overrides,
})

const dataset = (overrides: Record<string, unknown> = {}) => ({
  slug: 'demo',
  title: 'Démo',
  description: 'Un jeu de démonstration.',
  keywords: ['formation'],
  themes: ['EDUC'],
  frequency: 'ANNUAL',
  rules: {},
  tables: [table()],
  ...overrides,
})

const files = (definition: unknown, readme = '# Démo\n'): DefinitionFile[] => [
  { file: JSON_FILE, text: JSON.stringify(definition) },
  { file: README, text: readme },
]

/** The issues of loading one dataset (fails the test when it loads). */
function issuesOf(input: readonly DefinitionFile[]) {
  const result = loadDefinitions(input)
  if (result.ok) throw new Error('expected issues')
  return result.issues
}

const withTable = (overrides: Record<string, unknown>) => files(dataset({ tables: [table(overrides)] }))

describe('loadDefinitions: a valid dataset', () => {
  it('returns the definition with its README as documentation', () => {
    expect(loadDefinitions(files(dataset(), '# Démo\n\nTexte.\n'))).toEqual({
      ok: true,
      value: [
        {
          slug: 'demo',
          title: 'Démo',
          description: 'Un jeu de démonstration.',
          keywords: ['formation'],
          themes: ['EDUC'],
          frequency: 'ANNUAL',
          rules: {},
          tables: [
            {
              name: 'entrees_region',
              title: 'Entrées par région',
              description: 'Entrées par année et région.',
              population: 'entrees',
              dimensions: [
                { name: 'periode', depth: 'annee' },
                { name: 'territoire', depth: 'region' },
              ],
              measures: ['nb_entrees', 'nb_personnes'],
            },
          ],
          documentation: '# Démo\n\nTexte.\n',
        },
      ],
    })
  })

  it('sorts datasets by slug and keeps tightened rules', () => {
    const rules = {
      minPersons: 15,
      rate: { minDenominator: 30, minCount: 15 },
      dominance: [{ n: 2, k: 80 }],
      minContributors: 3,
      protectionPercent: 15,
    }
    const funding = table({
      name: 'montants',
      population: 'financements',
      dimensions: [{ name: 'dispositif' }],
      measures: ['nb_financements', 'montant_engage', 'montant_moyen'],
    })
    const result = loadDefinitions([
      {
        file: 'datasets/zeta/dataset.json',
        text: JSON.stringify(dataset({ slug: 'zeta', rules, tables: [funding] })),
      },
      { file: 'datasets/zeta/README.md', text: '# Z' },
      ...files(dataset()),
    ])
    expect(result.ok && result.value.map((d) => [d.slug, d.rules])).toEqual([
      ['demo', {}],
      ['zeta', rules],
    ])
  })
})

describe('loadDefinitions: files', () => {
  it('reports a file that is not a dataset.json or README.md of a dataset folder', () => {
    expect(issuesOf([...files(dataset()), { file: 'datasets/demo/notes.txt', text: '' }])).toEqual([
      {
        path: 'datasets/demo/notes.txt',
        code: 'definition/unexpected-file',
        message:
          'unexpected file datasets/demo/notes.txt: a dataset folder holds datasets/<slug>/dataset.json and README.md',
      },
    ])
  })

  it('reports a file given twice', () => {
    expect(issuesOf([...files(dataset()), { file: README, text: '# bis' }])).toEqual([
      { path: README, code: 'definition/duplicate', message: `duplicate file: ${README}` },
    ])
  })

  it('requires a README.md, not blank, beside dataset.json', () => {
    expect(issuesOf(files(dataset()).slice(0, 1))).toEqual([
      {
        path: README,
        code: 'definition/missing-file',
        message: `missing ${README}: every dataset is documented in French for its readers`,
      },
    ])
    expect(issuesOf(files(dataset(), ' \n'))).toEqual([
      { path: README, code: 'definition/empty-field', message: `${README} is empty` },
    ])
  })

  it('requires a dataset.json beside README.md', () => {
    expect(issuesOf(files(dataset()).slice(1))).toEqual([
      { path: JSON_FILE, code: 'definition/missing-file', message: `missing ${JSON_FILE}` },
    ])
  })

  it('reports invalid JSON with the parser message', () => {
    const [issue] = issuesOf([
      { file: JSON_FILE, text: '{"slug": ' },
      { file: README, text: '# D' },
    ])
    expect(issue).toEqual({
      path: JSON_FILE,
      code: 'definition/invalid-json',
      message: expect.stringMatching(/^invalid JSON: /),
    })
  })
})

describe('loadDefinitions: fields', () => {
  it('reports a document that is not an object', () => {
    expect(issuesOf(files([]))).toEqual([
      { path: JSON_FILE, code: 'definition/wrong-type', message: 'document: expected an object, got []' },
    ])
  })

  it('reports unknown fields at every level, documentation included (it comes from README.md)', () => {
    const definition = dataset({
      documentation: 'x',
      rules: { minPersons: 11, k: 3, rate: { floor: 1 } },
      tables: [table({ unit: 'x', dimensions: [{ name: 'sexe', level: 'sexe' }] })],
    })
    expect(issuesOf(files(definition))).toEqual([
      {
        path: `${JSON_FILE}#/documentation`,
        code: 'definition/unknown-field',
        message:
          'unknown field documentation (allowed: slug, title, description, keywords, themes, frequency, rules, tables)',
      },
      {
        path: `${JSON_FILE}#/rules/k`,
        code: 'definition/unknown-field',
        message: 'unknown field k (allowed: minPersons, rate, dominance, minContributors, protectionPercent)',
      },
      {
        path: `${JSON_FILE}#/rules/rate/floor`,
        code: 'definition/unknown-field',
        message: 'unknown field floor (allowed: minDenominator, minCount)',
      },
      {
        path: `${JSON_FILE}#/tables/0/unit`,
        code: 'definition/unknown-field',
        message: 'unknown field unit (allowed: name, title, description, population, dimensions, measures)',
      },
      {
        path: `${JSON_FILE}#/tables/0/dimensions/0/level`,
        code: 'definition/unknown-field',
        message: 'unknown field level (allowed: name, depth)',
      },
    ])
  })

  it('reports missing fields', () => {
    const { title: _t, tables: _s, ...definition } = dataset()
    const { measures: _m, ...partial } = table()
    expect(issuesOf(files(definition))).toEqual([
      { path: `${JSON_FILE}#/title`, code: 'definition/missing-field', message: 'missing field title' },
      { path: `${JSON_FILE}#/tables`, code: 'definition/missing-field', message: 'missing field tables' },
    ])
    expect(issuesOf(files(dataset({ tables: [partial] })))).toEqual([
      {
        path: `${JSON_FILE}#/tables/0/measures`,
        code: 'definition/missing-field',
        message: 'missing field measures',
      },
    ])
  })

  it('reports empty strings and empty lists', () => {
    expect(
      issuesOf(files(dataset({ description: '  ', keywords: [], tables: [table({ dimensions: [] })] }))),
    ).toEqual([
      {
        path: `${JSON_FILE}#/description`,
        code: 'definition/empty-field',
        message: 'description: must not be empty',
      },
      {
        path: `${JSON_FILE}#/keywords`,
        code: 'definition/empty-field',
        message: 'keywords: must not be empty',
      },
      {
        path: `${JSON_FILE}#/tables/0/dimensions`,
        code: 'definition/empty-field',
        message: 'dimensions: must not be empty',
      },
    ])
  })

  it('reports values of the wrong type, echoing them', () => {
    const definition = dataset({ title: 3, keywords: 'formation', themes: ['EDUC', 7], rules: [] })
    expect(issuesOf(files({ ...definition, tables: [table({ measures: ['nb_entrees', null] })] }))).toEqual([
      {
        path: `${JSON_FILE}#/title`,
        code: 'definition/wrong-type',
        message: 'title: expected a string, got 3',
      },
      {
        path: `${JSON_FILE}#/keywords`,
        code: 'definition/wrong-type',
        message: 'keywords: expected an array, got "formation"',
      },
      {
        path: `${JSON_FILE}#/themes/1`,
        code: 'definition/wrong-type',
        message: 'themes[1]: expected a string, got 7',
      },
      {
        path: `${JSON_FILE}#/rules`,
        code: 'definition/wrong-type',
        message: 'rules: expected an object, got []',
      },
      {
        path: `${JSON_FILE}#/tables/0/measures/1`,
        code: 'definition/wrong-type',
        message: 'measures[1]: expected a string, got null',
      },
    ])
  })

  it('escapes JSON pointer tokens', () => {
    expect(issuesOf(files(dataset({ 'a/b~c': 1 })))).toEqual([
      {
        path: `${JSON_FILE}#/a~1b~0c`,
        code: 'definition/unknown-field',
        message:
          'unknown field a/b~c (allowed: slug, title, description, keywords, themes, frequency, rules, tables)',
      },
    ])
  })
})

describe('loadDefinitions: dataset values', () => {
  it('requires a slug of lowercase words and hyphens, equal to the folder name', () => {
    expect(issuesOf(files(dataset({ slug: 'Démo_1' })))).toEqual([
      {
        path: `${JSON_FILE}#/slug`,
        code: 'definition/bad-pattern',
        message: 'slug Démo_1 does not match ^[a-z0-9]+(-[a-z0-9]+)*$',
      },
    ])
    expect(issuesOf(files(dataset({ slug: 'autre' })))).toEqual([
      {
        path: `${JSON_FILE}#/slug`,
        code: 'definition/slug-mismatch',
        message: 'slug autre differs from its folder name demo',
      },
    ])
  })

  it('accepts only EU data themes and frequencies', () => {
    expect(issuesOf(files(dataset({ themes: ['EDUC', 'SANTE'], frequency: 'WEEKLY' })))).toEqual([
      {
        path: `${JSON_FILE}#/themes/1`,
        code: 'definition/bad-theme',
        message: 'unknown theme: SANTE (EU data themes: EDUC, ECON, SOCI, GOVE, REGI)',
      },
      {
        path: `${JSON_FILE}#/frequency`,
        code: 'definition/bad-frequency',
        message: 'unknown frequency: WEEKLY (EU frequencies: MONTHLY, QUARTERLY, ANNUAL)',
      },
    ])
  })

  it('reports duplicate keywords, themes and table names', () => {
    const definition = dataset({ keywords: ['a', 'a'], themes: ['EDUC', 'EDUC'], tables: [table(), table()] })
    expect(issuesOf(files(definition))).toEqual([
      { path: `${JSON_FILE}#/keywords/1`, code: 'definition/duplicate', message: 'duplicate keyword: a' },
      { path: `${JSON_FILE}#/themes/1`, code: 'definition/duplicate', message: 'duplicate theme: EDUC' },
      {
        path: `${JSON_FILE}#/tables/1/name`,
        code: 'definition/duplicate',
        message: 'duplicate table name: entrees_region',
      },
    ])
  })
})

describe('loadDefinitions: rules may only tighten the defaults', () => {
  it('reports thresholds below the defaults and malformed dominance rules', () => {
    const rules = {
      minPersons: 5,
      rate: { minDenominator: 10, minCount: 3 },
      dominance: [
        { n: 0, k: 85 },
        { n: 1, k: 120 },
      ],
      minContributors: 0,
      protectionPercent: 5,
    }
    const funding = table({
      population: 'financements',
      dimensions: [{ name: 'dispositif' }],
      measures: ['nb_financements'],
    })
    expect(issuesOf(files(dataset({ rules, tables: [funding] })))).toEqual([
      {
        path: `${JSON_FILE}#/rules/minPersons`,
        code: 'definition/bad-rule',
        message: '5: must be an integer ≥ 11 (the default is 11; a dataset may only tighten it)',
      },
      {
        path: `${JSON_FILE}#/rules/rate/minDenominator`,
        code: 'definition/bad-rule',
        message: '10: must be an integer ≥ 20 (the default is 20; a dataset may only tighten it)',
      },
      {
        path: `${JSON_FILE}#/rules/rate/minCount`,
        code: 'definition/bad-rule',
        message: '3: must be an integer ≥ 11 (the default is minPersons, 11; a dataset may only tighten it)',
      },
      {
        path: `${JSON_FILE}#/rules/dominance/0/n`,
        code: 'definition/bad-rule',
        message: '0: must be an integer ≥ 1 (number of largest contributors)',
      },
      {
        path: `${JSON_FILE}#/rules/dominance/1/k`,
        code: 'definition/bad-rule',
        message: '120: must be a percentage in ]0, 100]',
      },
      {
        path: `${JSON_FILE}#/rules/minContributors`,
        code: 'definition/bad-rule',
        message: '0: must be an integer ≥ 1 (least number of contributors)',
      },
      {
        path: `${JSON_FILE}#/rules/protectionPercent`,
        code: 'definition/bad-rule',
        message: '5: must be in [10, 100[ (the default is 10; a dataset may only tighten it)',
      },
    ])
  })

  it('measures rate.minCount against a tightened minPersons', () => {
    expect(issuesOf(files(dataset({ rules: { minPersons: 15, rate: { minCount: 12 } } })))).toEqual([
      {
        path: `${JSON_FILE}#/rules/rate/minCount`,
        code: 'definition/bad-rule',
        message: '12: must be an integer ≥ 15 (the default is minPersons, 15; a dataset may only tighten it)',
      },
    ])
  })

  it('refuses magnitude rules on a dataset without a population that has contributors', () => {
    expect(issuesOf(files(dataset({ rules: { dominance: [{ n: 1, k: 85 }], minContributors: 3 } })))).toEqual(
      [
        {
          path: `${JSON_FILE}#/rules/dominance`,
          code: 'definition/rule-not-applicable',
          message:
            'rules.dominance applies to magnitudes by contributor: no table of this dataset is on population financements',
        },
        {
          path: `${JSON_FILE}#/rules/minContributors`,
          code: 'definition/rule-not-applicable',
          message:
            'rules.minContributors applies to magnitudes by contributor: no table of this dataset is on population financements',
        },
      ],
    )
  })
})

describe('loadDefinitions: tables against the catalogue', () => {
  it('requires a snake_case table name, and still checks the rest of the table', () => {
    expect(issuesOf(withTable({ name: 'Entrées-Région', measures: ['nb_personnes', 'nb_entrees'] }))).toEqual(
      [
        {
          path: `${JSON_FILE}#/tables/0/name`,
          code: 'definition/bad-pattern',
          message: 'table name Entrées-Région does not match ^[a-z][a-z0-9]*(_[a-z0-9]+)*$ (snake_case)',
        },
        {
          path: `${JSON_FILE}#/tables/0/measures/0`,
          code: 'definition/count-not-first',
          message:
            'first measure is nb_personnes: the first measure of a table on population entrees is its count, nb_entrees',
        },
      ],
    )
  })

  it('reports an unknown population', () => {
    expect(issuesOf(withTable({ population: 'stagiaires' }))).toEqual([
      {
        path: `${JSON_FILE}#/tables/0/population`,
        code: 'definition/unknown-population',
        message: 'unknown population: stagiaires (catalogue: entrees, sorties, cep, financements)',
      },
    ])
  })

  it('reports an unknown dimension and an unknown level', () => {
    const dimensions = [{ name: 'canton' }, { name: 'territoire', depth: 'canton' }]
    expect(issuesOf(withTable({ dimensions }))).toEqual([
      {
        path: `${JSON_FILE}#/tables/0/dimensions/0/name`,
        code: 'definition/unknown-dimension',
        message: expect.stringMatching(/^unknown dimension: canton \(catalogue: periode, territoire, /),
      },
      {
        path: `${JSON_FILE}#/tables/0/dimensions/1/depth`,
        code: 'definition/unknown-level',
        message: 'unknown level of territoire: canton (levels: region, departement, commune)',
      },
    ])
  })

  it('reports an unknown measure', () => {
    expect(issuesOf(withTable({ measures: ['nb_entrees', 'nb_stagiaires'] }))).toEqual([
      {
        path: `${JSON_FILE}#/tables/0/measures/1`,
        code: 'definition/unknown-measure',
        message: 'unknown measure: nb_stagiaires',
      },
    ])
  })

  it('reports a measure of another population', () => {
    expect(issuesOf(withTable({ measures: ['nb_entrees', 'montant_engage'] }))).toEqual([
      {
        path: `${JSON_FILE}#/tables/0/measures/1`,
        code: 'definition/measure-population',
        message: 'measure montant_engage is not of population entrees (its populations: financements)',
      },
    ])
  })

  it('requires the population count as first measure', () => {
    expect(issuesOf(withTable({ measures: ['nb_personnes', 'nb_entrees'] }))).toEqual([
      {
        path: `${JSON_FILE}#/tables/0/measures/0`,
        code: 'definition/count-not-first',
        message:
          'first measure is nb_personnes: the first measure of a table on population entrees is its count, nb_entrees',
      },
    ])
  })

  it('reports a dimension the population fact table does not have', () => {
    const dimensions = [{ name: 'operateur_cep' }]
    expect(issuesOf(withTable({ dimensions }))).toEqual([
      {
        path: `${JSON_FILE}#/tables/0/dimensions/0/name`,
        code: 'definition/dimension-fact',
        message:
          'dimension operateur_cep is not available on publish_fact_dossier, the fact table of population entrees',
      },
    ])
  })

  it('requires both operands of a rate or ratio in the table', () => {
    const measures = ['nb_sorties', 'taux_abandon', 'taux_realisation', 'heures_prevues']
    expect(issuesOf(withTable({ population: 'sorties', measures }))).toEqual([
      {
        path: `${JSON_FILE}#/tables/0/measures/1`,
        code: 'definition/rate-operand',
        message: 'rate taux_abandon needs nb_abandons in the same table (nb_abandons / nb_sorties)',
      },
      {
        path: `${JSON_FILE}#/tables/0/measures/2`,
        code: 'definition/rate-operand',
        message:
          'ratio taux_realisation needs heures_realisees in the same table (heures_realisees / heures_prevues)',
      },
    ])
  })

  it('reports a dimension or measure given twice', () => {
    const dimensions = [{ name: 'sexe' }, { name: 'sexe' }]
    expect(issuesOf(withTable({ dimensions, measures: ['nb_entrees', 'nb_entrees'] }))).toEqual([
      {
        path: `${JSON_FILE}#/tables/0/dimensions/1`,
        code: 'definition/duplicate',
        message: 'duplicate dimension: sexe',
      },
      {
        path: `${JSON_FILE}#/tables/0/measures/1`,
        code: 'definition/duplicate',
        message: 'duplicate measure: nb_entrees',
      },
    ])
  })

  it('limits a table to four dimensions', () => {
    const dimensions = ['periode', 'sexe', 'tranche_age', 'qpv', 'modalite'].map((name) => ({ name }))
    expect(issuesOf(withTable({ dimensions }))).toEqual([
      {
        path: `${JSON_FILE}#/tables/0/dimensions`,
        code: 'definition/too-many-dimensions',
        message: '5 dimensions: a table crosses at most 4',
      },
    ])
  })

  it('crosses communes only with years, and organisms with nothing', () => {
    const communes = [{ name: 'periode', depth: 'mois' }, { name: 'territoire' }]
    expect(issuesOf(withTable({ dimensions: communes }))).toEqual([
      {
        path: `${JSON_FILE}#/tables/0/dimensions/1/depth`,
        code: 'definition/too-detailed',
        message: 'territoire at level commune may only be crossed with periode at level annee (set a depth)',
      },
    ])
    const organisms = [{ name: 'organisme', depth: 'organisme' }, { name: 'sexe' }]
    expect(issuesOf(withTable({ dimensions: organisms }))).toEqual([
      {
        path: `${JSON_FILE}#/tables/0/dimensions/0/depth`,
        code: 'definition/too-detailed',
        message: 'organisme at level organisme may not be crossed with another dimension (set depth region)',
      },
    ])
    const years = [
      { name: 'periode', depth: 'annee' },
      { name: 'territoire', depth: 'commune' },
    ]
    expect(loadDefinitions(withTable({ dimensions: years })).ok).toBe(true)
  })

  it('collects the issues of every table and every dataset, not only the first', () => {
    const bad = table({ population: 'cep', measures: ['nb_entrees'] })
    const result = loadDefinitions([
      ...files(dataset({ tables: [bad, table({ name: 'autre', dimensions: [{ name: 'x' }] })] })),
      { file: 'datasets/b/dataset.json', text: '[' },
      { file: 'datasets/b/README.md', text: '# B' },
    ])
    expect(!result.ok && result.issues.map((i) => [i.path, i.code])).toEqual([
      ['datasets/b/dataset.json', 'definition/invalid-json'],
      [`${JSON_FILE}#/tables/0/measures/0`, 'definition/count-not-first'],
      [`${JSON_FILE}#/tables/0/measures/0`, 'definition/measure-population'],
      [`${JSON_FILE}#/tables/1/dimensions/0/name`, 'definition/unknown-dimension'],
    ])
  })
})
