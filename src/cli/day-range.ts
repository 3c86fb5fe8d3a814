import { isCalendarDate } from '../lib/dates.ts'
import { CliError } from './io.ts'

/**
 * `--since` and `--until` as whole UTC days (both included), checked against the calendar and
 * against each other; each refusal names the option, the value and the rule, then the usage.
 */
export function dayRange(
  values: { since?: string | undefined; until?: string | undefined },
  usage: string,
): { since?: string; until?: string } {
  for (const option of ['since', 'until'] as const) {
    const value = values[option]
    if (value !== undefined && !isCalendarDate(value))
      throw new CliError(
        `--${option} "${value}" is not a date YYYY-MM-DD of the calendar\nusage: ${usage}`,
        2,
      )
  }
  const { since, until } = values
  if (since && until && until < since)
    throw new CliError(`--until ${until} is before --since ${since}\nusage: ${usage}`, 2)
  return { ...(since ? { since } : {}), ...(until ? { until } : {}) }
}
