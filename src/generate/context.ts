/**
 * What every part of a run shares: the seeded streams, the last date of activity, the reference
 * samplers and how each partner writes its records (time zone, name case, NIR length).
 * @module
 */
import type { CertificationRegister } from './certifications.ts'
import { formatTimestamp, parisOffsetMinutes } from './dates.ts'
import type { Geography } from './geography.ts'
import type { OrganismDirectory } from './organisms.ts'
import type { Categorical, Random } from './random.ts'

/** How one partner's system writes records. */
export interface PartnerStyle {
  /** UTC offset in minutes; `null` for UTC (`Z`); `'paris'` follows French summer time. */
  readonly offset: number | null | 'paris'
  /** How birth names are written: as is, upper case, upper case without accents. */
  readonly names: 'asis' | 'upper' | 'plain'
  /** Share of records sent with the 13-character NIR (no key). */
  readonly nir13Share: number
  /** Writes absent optional objects as explicit `null` rather than leaving them out. */
  readonly explicitNulls: boolean
}

/** The run's shared state. */
export interface RunContext {
  readonly rng: Random
  /** Day number of the last activity in the data. */
  readonly until: number
  /** Last second (UTC) of `until`. */
  readonly untilEnd: number
  readonly geography: Geography
  readonly organisms: OrganismDirectory
  readonly register: CertificationRegister
  readonly opco: Categorical<string>
  /** A growing serial for record identifiers. */
  serial: number
}

const overseasOffsets: Readonly<Record<string, number>> = {
  R01: -240,
  R02: -240,
  R03: -180,
  R04: 240,
  R06: 180,
}

function codeHash(code: string): number {
  let h = 7
  for (let i = 0; i < code.length; i++) h = (h * 31 + code.charCodeAt(i)) >>> 0
  return h
}

const styles = new Map<string, PartnerStyle>()

/** The (fixed) style of a partner, derived from its code. */
export function partnerStyle(code: string): PartnerStyle {
  let style = styles.get(code)
  if (!style) {
    const h = codeHash(code)
    style = {
      offset: code === 'CDC' ? null : (overseasOffsets[code] ?? 'paris'),
      names: (['asis', 'upper', 'plain'] as const)[h % 3] as PartnerStyle['names'],
      nir13Share: code === 'FT' ? 0.15 : (h >>> 3) % 4 === 0 ? 0.4 : 0.03,
      explicitNulls: ((h >>> 5) & 1) === 1,
    }
    styles.set(code, style)
  }
  return style
}

/**
 * A timestamp during business hours of `day` (partner local time), strictly after `after`
 * (seconds since epoch); returns the instant in seconds.
 */
export function businessInstant(rng: Random, style: PartnerStyle, day: number, after: number): number {
  const offset = style.offset === 'paris' ? parisOffsetMinutes(day) : (style.offset ?? 60)
  const local = 7 * 3600 + rng.int(12 * 3600)
  const instant = day * 86400 + local - offset * 60
  return instant > after ? instant : after + 60 + rng.int(3600)
}

/** The RFC 3339 form of an instant in the partner's time zone. */
export function partnerTimestamp(style: PartnerStyle, instant: number): string {
  if (style.offset === null) return formatTimestamp(instant, null)
  const offset = style.offset === 'paris' ? parisOffsetMinutes(Math.floor(instant / 86400)) : style.offset
  return formatTimestamp(instant, offset)
}
