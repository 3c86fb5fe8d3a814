/**
 * Commands made of sub-commands (`partners`, `users`, `referentials`) parse one table of options
 * for all of them; what each sub-command takes is checked here, so that an option it does not use
 * is refused by its name rather than ignored (`partners list --code X` listed every partner,
 * `users disable --partner P --email E` disabled E whatever its partner).
 * @module
 */
import { CliError } from './io.ts'

/** Each sub-command of a command and the options it takes (as parseArgs names them, without `--`). */
export type SubCommands = Readonly<Record<string, readonly string[]>>

/** `a, b or c` */
function either(names: readonly string[]): string {
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`
}

/**
 * The sub-command `given` names, or a usage error (exit 2) that lists them: none given says that
 * one is needed, an unknown one is named.
 *
 * @example
 * subCommand(undefined, { add: [], list: [] }, usage) // CliError: a sub-command is needed: add or list
 */
export function subCommand(given: string | undefined, subs: SubCommands, usage: string): string {
  const names = Object.keys(subs)
  if (given !== undefined && Object.hasOwn(subs, given)) return given
  const problem =
    given === undefined || given === ''
      ? `a sub-command is needed: ${either(names)}`
      : `unknown sub-command "${given}": it is one of ${either(names)}`
  throw new CliError(`${problem}\nusage: ${usage}`, 2)
}

/**
 * Refuses (exit 2) the first option of `values` (parseArgs' values: only the options given, so
 * none with a default) that `sub` does not take, naming it and what `sub` takes.
 *
 * @example
 * onlyOptionsOf('partners', 'list', { code: 'R11' }, { list: [] }, usage) // CliError: --code is not an option of partners list (it takes none)
 */
export function onlyOptionsOf(
  command: string,
  sub: string,
  values: Readonly<Record<string, unknown>>,
  subs: SubCommands,
  usage: string,
): void {
  const takes = subs[sub] ?? []
  const other = Object.keys(values).find((name) => values[name] !== undefined && !takes.includes(name))
  if (other === undefined) return
  const what = takes.length === 0 ? 'none' : takes.map((name) => `--${name}`).join(', ')
  throw new CliError(
    `--${other} is not an option of ${command} ${sub} (it takes ${what})\nusage: ${usage}`,
    2,
  )
}
