import { describe, expect, it } from 'vitest'
import { type CrossTableSpec, crossTableHtml } from '../cross-table.ts'
import type { TableData } from '../published.ts'
import { fakeDataset, fakePublished, fakeResource } from '../site.fixture.ts'
import { renderCompareMain } from './compare.ts'

const MEASURES = ['nb_sorties', 'nb_sorties_statut', 'taux_emploi_6m', 'taux_emploi_6m_statut']

/** A row of a table crossing period, dispositif and level, every rate published. */
const row = (dispositif: string, niveau: string, n: number, rate: number) => ({
  periode: '_T',
  dispositif,
  niveau_certification: niveau,
  nb_sorties: n,
  nb_sorties_statut: 'V',
  taux_emploi_6m: rate,
  taux_emploi_6m_statut: 'V',
})

/** The cross tables of the h2 section whose id is given. */
function specs(html: string, id: string): CrossTableSpec[] {
  const part = html.split('<h2 ').find((s) => s.startsWith(`id="${id}"`)) ?? ''
  return [...part.matchAll(/data-cross-table='([^']*)'/g)].map((m) => JSON.parse(m[1]!) as CrossTableSpec)
}

/** Table rows of rendered HTML: header cell, then data cells, as text. */
function rowsOf(html: string): string[][] {
  return [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) =>
    [...m[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) =>
      c[1]!
        .replace(/<[^>]+>/g, '')
        .replace(/\s/g, ' ')
        .trim(),
    ),
  )
}

describe('the comparison of dispositifs', () => {
  it('shows each rate beside its own base, and the certification rate with the share of results known', async () => {
    const rates = [
      ['insertion-emploi', 'insertion_dispositif', ['nb_sorties', 'nb_connus_6m', 'taux_emploi_6m']],
      [
        'sorties-resultats',
        'sorties_dispositif',
        ['nb_sorties', 'nb_resultats_connus', 'part_resultats_connus', 'taux_obtention'],
      ],
    ] as const
    const published = fakePublished(
      rates.map(([slug, table, measures]) =>
        fakeDataset(slug, [
          fakeResource(
            table,
            ['periode', 'dispositif'],
            measures.flatMap((m) => [m, `${m}_statut`]),
          ),
        ]),
      ),
      {},
    )
    const html = await renderCompareMain(published)
    const columns = [...html.matchAll(/data-spec='([^']*)'/g)].map((m) =>
      (JSON.parse(m[1]!) as { table: { columns: { measure: string; label: string }[] } }).table.columns.map(
        (c) => `${c.measure}: ${c.label}`,
      ),
    )
    expect(columns).toEqual([
      ['taux_emploi_6m: Taux d’emploi salarié à 6 mois', 'nb_connus_6m: Sorties observées à 6 mois'],
      [
        'taux_obtention: Taux d’obtention de la certification',
        'nb_resultats_connus: Résultats connus',
        'part_resultats_connus: Part des résultats connus',
      ],
    ])
  })

  it('sets dispositifs side by side by certification level when a table crosses them', async () => {
    const dimensions = ['periode', 'dispositif', 'niveau_certification']
    const dataset = fakeDataset('insertion-emploi', [
      fakeResource('insertion_dispositif_niveau', dimensions, MEASURES),
    ])
    const published = fakePublished([dataset], {
      insertion_dispositif_niveau: [
        row('_T', '_T', 300, 0.5),
        row('_T', '3', 100, 0.4),
        row('_T', '4', 200, 0.55),
        row('AIF', '_T', 120, 0.6),
        row('AIF', '3', 50, 0.5),
        row('AIF', '4', 70, 0.67),
        row('PRF', '_T', 180, 0.44),
        row('PRF', '3', 50, 0.3),
        row('PRF', '4', 130, 0.5),
      ],
    })
    const html = await renderCompareMain(published)
    const tables = specs(html, 'niveau')
    expect(tables).toEqual([
      {
        caption:
          'Taux d’emploi salarié à 6 mois par dispositif et niveau de certification visé, sorties jusqu’à 2025',
        data: '../datasets/insertion-emploi/insertion_dispositif_niveau.json',
        measure: 'taux_emploi_6m',
        rows: { dimension: 'dispositif', header: 'Dispositif', total: 'Tous dispositifs' },
        columns: { dimension: 'niveau_certification', total: 'Ensemble' },
        root: '../',
      },
    ])
    // What the browser renders from it.
    const data = (await published.table('insertion-emploi', 'insertion_dispositif_niveau')) as TableData
    expect(rowsOf(crossTableHtml(tables[0]!, data, (_, code) => code))).toEqual([
      ['Dispositif', 'Ensemble', '3', '4'],
      ['Tous dispositifs', '50,0 %', '40,0 %', '55,0 %'],
      ['PRF', '44,0 %', '30,0 %', '50,0 %'],
      ['AIF', '60,0 %', '50,0 %', '67,0 %'],
    ])
  })

  it('names the last year of exit its employment rates count, which moves on 30 June', async () => {
    const dataset = fakeDataset('insertion-emploi', [
      fakeResource('insertion_dispositif', ['periode', 'dispositif'], MEASURES),
    ])
    const { niveau_certification: _, ...total } = row('_T', '_T', 300, 0.5)
    const rows = { insertion_dispositif: [total] }
    const titles = async (asOf: string) => {
      const published = { ...fakePublished([dataset], rows), release: { date: asOf, asOf, datasets: [] } }
      const html = await renderCompareMain(published)
      return {
        note: html.match(/<p class="note">Les taux d’emploi[^<]*<\/p>/)?.[0],
        title: html.match(/Taux d’emploi salarié à 6 mois par dispositif, sorties jusqu’à \d{4}/)?.[0],
      }
    }
    expect(await titles('2026-06-29')).toEqual({
      note: '<p class="note">Les taux d’emploi portent sur les sorties jusqu’à 2024 : une année de sortie n’est comptée qu’une fois toute observée, six mois après son 31 décembre (les sorties de 2025 le seront le 30 juin 2026).</p>',
      title: 'Taux d’emploi salarié à 6 mois par dispositif, sorties jusqu’à 2024',
    })
    expect((await titles('2026-06-30')).title).toBe(
      'Taux d’emploi salarié à 6 mois par dispositif, sorties jusqu’à 2025',
    )
  })
})
