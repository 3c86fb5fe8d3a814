import { ConfigError } from '../config.ts'
import { StoreInUseError } from '../db/store-lock.ts'
import { commands } from './commands.ts'
import { CliError, type CliIo, processIo } from './io.ts'

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
    io.out(`${command.summary}\n\nusage: ${command.usage}`)
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

function helpText(): string {
  const width = Math.max(...commands.map((c) => c.name.length))
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`)
  return `passerelle: the operator's tool for the Passerelle hub\n\nusage: passerelle <command> [options]\n\n${lines.join('\n')}\n\npasserelle <command> --help shows a command's options.`
}

function isParseArgsError(error: unknown): error is Error {
  return error instanceof Error && String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS_')
}
