import { describe, expect, it } from 'vitest'
import type { Cell } from '../data/cells.ts'
import { panelGrid, wantsSmallMultiples, yearTicks } from './panels.ts'

const cell = (x: string, seriesLabel: string | null): Cell => ({
  x,
  xLabel: x,
  series: seriesLabel,
  seriesLabel,
  value: 1,
  low: null,
  high: null,
  status: 'V',
  state: 'value',
  row: null,
})

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre']
const REGIONS = Array.from({ length: 18 }, (_, i) => `Région ${i + 1}`)

describe('wantsSmallMultiples', () => {
  it('gives 18 régions by month a panel each, and keeps up to five series overlaid in one frame', () => {
    expect(wantsSmallMultiples(REGIONS.flatMap((r) => MONTHS.map((m) => cell(`${m} 2025`, r))))).toBe(true)
    expect(wantsSmallMultiples(REGIONS.slice(0, 5).flatMap((r) => [cell('2024', r), cell('2025', r)]))).toBe(
      false,
    )
    expect(wantsSmallMultiples([cell('2024', null), cell('2025', null)])).toBe(false)
  })
})

describe('panelGrid', () => {
  it('fits two columns on a 375 px phone and six on a wide screen, rows holding the rest', () => {
    expect(panelGrid(18, 335)).toEqual({ columns: 2, rows: 9 })
    expect(panelGrid(18, 960)).toEqual({ columns: 6, rows: 3 })
    expect(panelGrid(7, 960)).toEqual({ columns: 6, rows: 2 })
    expect(panelGrid(3, 960)).toEqual({ columns: 3, rows: 1 })
    expect(panelGrid(18, 100)).toEqual({ columns: 1, rows: 18 })
  })
})

describe('yearTicks', () => {
  const months = [2022, 2023, 2024, 2025].flatMap((y) =>
    [...MONTHS, 'octobre', 'novembre', 'décembre'].map((m) => `${m} ${y}`),
  )

  it('marks the first month of each year with its year when the panel has room', () => {
    expect(Object.fromEntries(yearTicks(months, 300))).toEqual({
      0: '2022',
      12: '2023',
      24: '2024',
      36: '2025',
    })
  })

  it('keeps every other year in a narrow panel, the latest always', () => {
    expect(Object.fromEntries(yearTicks(months, 120))).toEqual({ 12: '2023', 36: '2025' })
  })

  it('reads the year of a partial period, and keeps whole the first and last labels without a year', () => {
    expect(Object.fromEntries(yearTicks(['2025', '2026 (jusqu’au 30 septembre)'], 140))).toEqual({
      0: '2025',
      1: '2026',
    })
    expect(Object.fromEntries(yearTicks(['CAP', 'BTS', 'Licence'], 140))).toEqual({ 0: 'CAP', 2: 'Licence' })
  })
})
