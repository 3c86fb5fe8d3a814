/**
 * The colours of a choropleth: five classes of equal width between the smallest and the largest
 * published value (Blues, light to dark). Every class keeps its boundary visible through the dark
 * outline drawn around each territory.
 */
import { formatScale } from '../format.ts'

export const PALETTE = ['#c6dbef', '#9ecae1', '#6baed6', '#3182bd', '#08519c'] as const

/** One class of the scale: its colour and the range it covers, as the legend writes it. */
export interface ColourClass {
  readonly colour: string
  readonly label: string
}

export interface ColourScale {
  readonly colour: (value: number) => string
  readonly classes: readonly ColourClass[]
}

/**
 * A five-class scale over `values` (one class when all values are equal).
 * @example colourScale([0.5, 0.7], true).classes[0].label // '50 % à 54 %'
 */
export function colourScale(values: readonly number[], rate: boolean): ColourScale {
  const min = Math.min(...values)
  const max = Math.max(...values)
  if (values.length === 0 || min === max) {
    const only: ColourClass = { colour: PALETTE[2], label: values.length ? formatScale(min, rate) : '' }
    return { colour: () => PALETTE[2], classes: values.length ? [only] : [] }
  }
  const width = (max - min) / PALETTE.length
  // The epsilon puts a value on a class boundary in the class whose label starts with it, despite
  // binary fractions ((0.6 - 0.5) / 0.1 is 0.999…).
  const index = (v: number) => Math.min(PALETTE.length - 1, Math.floor((v - min) / width + 1e-9))
  // Counts read as whole numbers in the legend (a class "46 à 87", not "46 à 86,8").
  const bound = (v: number) => formatScale(rate ? v : Math.round(v), rate)
  const classes = PALETTE.map((colour, i) => ({
    colour,
    label: `${bound(min + i * width)} à ${bound(i === PALETTE.length - 1 ? max : min + (i + 1) * width)}`,
  }))
  return { colour: (v) => PALETTE[index(v)]!, classes }
}
