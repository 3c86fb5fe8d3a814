import { hostname, userInfo } from 'node:os'
import { CliError } from './io.ts'

/** Where the operator's name comes from when `PASSERELLE_OPERATOR` does not give it. */
export interface OperatorSystem {
  user(): string
  host(): string
}

const processSystem: OperatorSystem = {
  user: () => {
    try {
      return userInfo().username
    } catch {
      // A uid without a passwd entry (some containers): the environment may still name it.
      return ''
    }
  },
  host: () => hostname(),
}

/**
 * The name an operator's action is logged under: `PASSERELLE_OPERATOR` (a person's name or e-mail,
 * for hubs run from a shared account), else `user@host` of the command's process.
 */
export function operatorName(
  env: Readonly<Record<string, string | undefined>>,
  system: OperatorSystem = processSystem,
): string {
  const named = env.PASSERELLE_OPERATOR?.trim()
  if (named !== undefined && named !== '') {
    // The name goes into a TSV log: a tab or a newline would forge columns or lines.
    if (named.length > 200 || /[\p{Cc}]/u.test(named))
      throw new CliError(
        `PASSERELLE_OPERATOR must be at most 200 characters without tabs, newlines or other control characters (it names you in passerelle operator-log)`,
        2,
      )
    return named
  }
  const user = system.user() || env.USER || env.LOGNAME || 'unknown'
  return `${user}@${system.host()}`
}
