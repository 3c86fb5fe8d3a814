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
 * A five-class scale over `values` (one class when all values are equal). Each class reads « A à
 * moins de B », the last « A à B » (the largest value), so that no bound reads as in two classes.
 * `euro` writes each bound with its unit.
 * @example colourScale([0.5, 0.7], true).classes[0].label // '50 % à moins de 54 %'
 */
export function colourScale(values: readonly number[], rate: boolean, euro = false): ColourScale {
  const min = Math.min(...values)
  const max = Math.max(...values)
  const unit = (text: string) => (euro ? `${text}\u00a0€` : text)
  if (values.length === 0 || min === max) {
    const only: ColourClass = { colour: PALETTE[2], label: values.length ? unit(formatScale(min, rate)) : '' }
    return { colour: () => PALETTE[2], classes: values.length ? [only] : [] }
  }
  // Fewer whole values than classes: a class each (« 13 à moins de 13 » would read otherwise).
  if (!rate && values.every(Number.isInteger) && max - min < PALETTE.length) {
    const count = max - min + 1
    const colourAt = (i: number) => PALETTE[Math.round((i * (PALETTE.length - 1)) / (count - 1))]!
    const classes = Array.from({ length: count }, (_, i) => ({
      colour: colourAt(i),
      label: unit(formatScale(min + i, rate)),
    }))
    return { colour: (v) => colourAt(Math.round(v - min)), classes }
  }
  const width = (max - min) / PALETTE.length
  // The epsilon puts a value on a class boundary in the class whose label starts with it, despite
  // binary fractions ((0.6 - 0.5) / 0.1 is 0.999…).
  const index = (v: number) => Math.min(PALETTE.length - 1, Math.floor((v - min) / width + 1e-9))
  // Whole values (counts) read as whole numbers: a class of whole values ≥ 86.8 starts at 87, and
  // one of values < 127.6 ends before 128.
  const whole = !rate && values.every(Number.isInteger)
  const bound = (v: number) => unit(formatScale(whole ? Math.ceil(v - 1e-9) : v, rate))
  const classes = PALETTE.map((colour, i) => ({
    colour,
    label:
      i === PALETTE.length - 1
        ? `${bound(min + i * width)} à ${unit(formatScale(max, rate))}`
        : `${bound(min + i * width)} à moins de ${bound(min + (i + 1) * width)}`,
  }))
  return { colour: (v) => PALETTE[index(v)]!, classes }
}
