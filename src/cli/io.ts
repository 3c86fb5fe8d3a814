/**
 * The command line's effects, passed in so that every command can be run from a test with
 * captured output (and so that a test can prove no NIR reaches a log line).
 */
export interface CliIo {
  /** One line (or block) for standard output. */
  out(text: string): void
  /** One line (or block) for standard error: logs, progress, warnings. */
  err(text: string): void
  /** True when standard error is a terminal: progress bars are drawn only then. */
  readonly interactive: boolean
  /** The environment, read once by the command's configuration parser. */
  readonly env: Readonly<Record<string, string | undefined>>
  /** Where relative paths are resolved. */
  readonly cwd: string
  /** Redraws a one-line status (progress bar) on a terminal; absent elsewhere. */
  status?(text: string): void
  /** Resolves when the operator interrupts (Ctrl-C); commands stop at a safe point. */
  readonly interrupted?: AbortSignal
}

/** An operational failure that ends a command with a message and an exit code, never a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message)
    this.name = 'CliError'
  }
}

/**
 * The value of a required option, or a usage error (exit 2) saying that `option` is required,
 * with the command's usage: never an empty value looked up as if it had been given.
 *
 * @example
 * const code = requiredOption(values.code, '--code CODE', partnersCommand.usage)
 */
export function requiredOption(value: string | undefined, option: string, usage: string): string {
  if (value === undefined || value.trim() === '')
    throw new CliError(
      `${option} is required${value === undefined ? '' : ' (it is empty)'}\nusage: ${usage}`,
      2,
    )
  return value
}

/** One `passerelle` sub-command. */
export interface Command {
  readonly name: string
  readonly summary: string
  readonly usage: string
  /** Each option and what it does, for `--help`. */
  readonly options: readonly (readonly [option: string, meaning: string])[]
  run(args: string[], io: CliIo): Promise<number>
}

/** The process's own io. */
export function processIo(): CliIo {
  const controller = new AbortController()
  // The first Ctrl-C asks for a clean stop at the next safe point; a second one ends at once.
  const stop = () => {
    if (controller.signal.aborted) process.exit(130)
    controller.abort()
  }
  // Output piped into `head` and closed early is not an error of ours.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0)
    throw error
  })
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  return {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    interactive: Boolean(process.stderr.isTTY),
    ...(process.stderr.isTTY ? { status: (text: string) => process.stderr.write(`\r\x1b[K${text}`) } : {}),
    env: process.env,
    cwd: process.cwd(),
    interrupted: controller.signal,
  }
}

/** An io that records everything, for tests. */
export function memoryIo(env: Record<string, string | undefined> = {}, cwd = process.cwd()) {
  const stdout: string[] = []
  const stderr: string[] = []
  const io: CliIo = {
    out: (text) => stdout.push(text),
    err: (text) => stderr.push(text),
    interactive: false,
    env,
    cwd,
  }
  return { io, stdout, stderr }
}
