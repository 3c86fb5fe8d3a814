import { ConfigError } from '../config.ts'
import { StoreInUseError } from '../db/store-lock.ts'
import { alignColumns } from './columns.ts'
import { commands } from './commands.ts'
import { CliError, type CliIo, type Command, processIo } from './io.ts'

/** Runs `passerelle <command> [args…]` and returns the exit code. */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.out(helpText())
    return name ? 0 : 2
  }
  const command = commands.find((c) => c.name === name)
  if (!command) {
    io.err(`passerelle: unknown command "${name}"\n\n${helpText()}`)
    return 2
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(commandHelp(command))
    return 0
  }
  try {
    return await command.run(rest, io)
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`passerelle ${name}: ${error.message}`)
      return error.exitCode
    }
    if (error instanceof ConfigError) {
      io.err(`passerelle ${name}: ${error.message}`)
      return 2
    }
    if (error instanceof StoreInUseError) {
      io.err(`passerelle ${name}: ${error.message}`)
      return 1
    }
    // node:util parseArgs refusing an option or an argument: a usage error, not a crash.
    if (isParseArgsError(error)) {
      io.err(`passerelle ${name}: ${error.message}\nusage: ${command.usage}`)
      return 2
    }
    throw error
  }
}

/** The variables every command reads (README, "Configuration"). */
const ENVIRONMENT: readonly (readonly [string, string])[] = [
  ['DATABASE_URL', 'a PostgreSQL server; without it, the embedded store in the data folder'],
  ['PASSERELLE_DATA', 'the data folder (default ./.passerelle)'],
  ['PASSERELLE_SECRET', 'the key that turns a NIR into a person key; keep it for the life of the hub'],
  ['PORT', 'the default port of serve and demo (8080)'],
  ['PASSERELLE_TRUST_PROXY', 'how many reverse proxies in front of serve append to X-Forwarded-For (0)'],
  ['PASSERELLE_PUBLISH_CONNECTIONS', 'statements publish runs at once on a PostgreSQL server (2)'],
  ['PASSERELLE_PROTECT_THREADS', "threads publish protects the tables on (the machine's cores)"],
  [
    'PASSERELLE_OPERATOR',
    'the name operator-log gives your changes to tokens and accounts (default user@host)',
  ],
]

function helpText(): string {
  const list = alignColumns(commands.map((c) => [c.name, c.summary])).map((l) => `  ${l}`)
  const environment = alignColumns(ENVIRONMENT).map((l) => `  ${l}`)
  return `passerelle: the operator's tool for the Passerelle hub\n\nusage: passerelle <command> [options]\n\n${list.join('\n')}\n\nenvironment:\n${environment.join('\n')}\n\npasserelle <command> --help shows a command's options.`
}

/** A command's `--help`: what it does, its usage, each option and what it does. */
export function commandHelp(command: Command): string {
  const options = alignColumns(command.options).map((l) => `  ${l}`)
  return [
    command.summary,
    '',
    `usage: ${command.usage}`,
    ...(options.length === 0 ? [] : ['', 'options:', ...options]),
  ].join('\n')
}

function isParseArgsError(error: unknown): error is Error {
  return error instanceof Error && String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS_')
}
