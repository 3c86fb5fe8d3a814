import { constants } from 'node:fs'
import { access } from 'node:fs/promises'
import { basename, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { readConfig } from '../../config.ts'
import { fileErrorReason } from '../../lib/file-error.ts'
import { isReferentialKind, REFERENTIAL_KINDS } from '../../referentials/kinds.ts'
import { type LoadResult, loadReferential } from '../../referentials/load-referential.ts'
import { listReferentialLoads } from '../../referentials/referential.repository.ts'
import { referentialSpecs } from '../../referentials/specs.ts'
import { withHub } from '../hub.ts'
import { CliError, type CliIo, type Command } from '../io.ts'
import { missingSecret } from '../missing-secret.ts'
import { onlyOptionsOf, type SubCommands, subCommand } from '../sub-command.ts'

const USAGE = `passerelle referentials load --kind ${REFERENTIAL_KINDS.join('|')} FILE.csv [--skip-invalid] [--allow-empty]
       passerelle referentials list`

/** The sub-commands of `referentials` and the options each takes. */
const SUB_COMMANDS: SubCommands = { load: ['kind', 'skip-invalid', 'allow-empty'], list: [] }

/**
 * `passerelle referentials`: `load` replaces one kind's referential with a CSV file (all or
 * nothing, unless `--skip-invalid`) and prints a summary or every bad line; `list` prints each
 * kind's last load.
 * @example
 * passerelle referentials load --kind organisms organisms.csv
 * // loaded 1,234 organisms from organisms.csv
 */
export const referentialsCommand: Command = {
  name: 'referentials',
  summary: 'load the referentials (organisms, certifications, catalogue, sngi, dsn) and list their loads',
  usage: USAGE,
  options: [
    ['--kind KIND', 'organisms, certifications, catalogue, sngi or dsn (load; formats in the spec)'],
    ['--skip-invalid', 'load the good lines and report the bad ones, instead of loading nothing'],
    [
      '--allow-empty',
      'load a file with its header and no data line, which empties the referential (refused without it)',
    ],
  ],
  async run(args, io) {
    const [given, ...rest] = args
    const sub = subCommand(given, SUB_COMMANDS, USAGE)
    return sub === 'load' ? runLoad(rest, io) : runList(rest, io)
  },
}

/** The arguments of `sub`: refused (exit 2) when they hold an option it does not take. */
function parse(sub: 'load' | 'list', args: string[]) {
  const parsed = parseOptions(args)
  onlyOptionsOf('referentials', sub, parsed.values, SUB_COMMANDS, USAGE)
  return parsed
}

function parseOptions(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      // No default: onlyOptionsOf reads the options given as those with a value.
      options: {
        kind: { type: 'string' },
        'skip-invalid': { type: 'boolean' },
        'allow-empty': { type: 'boolean' },
      },
    })
  } catch (error) {
    throw new CliError(`${error instanceof Error ? error.message : String(error)}\nusage: ${USAGE}`, 2)
  }
}

async function runLoad(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse('load', args)
  const kind = values.kind
  if (kind === undefined || !isReferentialKind(kind)) {
    const given = kind === undefined ? 'is required and' : `"${kind}"`
    throw new CliError(`--kind ${given} must be one of ${REFERENTIAL_KINDS.join(', ')}\nusage: ${USAGE}`, 2)
  }
  if (positionals.length !== 1) throw new CliError(`expected one CSV file\nusage: ${USAGE}`, 2)
  const path = resolve(io.cwd, positionals[0]!)
  const config = readConfig(io.env, io.cwd)
  if (referentialSpecs[kind].needsSecret && config.secret === null) {
    throw missingSecret(
      config,
      `the ${kind} referential is stored under person keys, which need the hub secret`,
    )
  }
  try {
    await access(path, constants.R_OK)
  } catch (error) {
    throw new CliError(`cannot read ${path}: ${fileErrorReason(error)}`)
  }
  const result = await withHub(io, { needsSecret: false, config }, ({ store }) =>
    loadReferential(store.db, {
      kind,
      path,
      secret: config.secret,
      skipInvalid: values['skip-invalid'] === true,
      refuseEmpty: values['allow-empty'] !== true,
    }),
  )
  report(io, basename(path), result)
  return result.ok ? 0 : 1
}

function report(io: CliIo, file: string, result: LoadResult): void {
  for (const e of result.errors) io.err(`${file}: ${e.path}: ${e.message}`)
  const unlisted = result.errorCount - result.errors.length
  if (unlisted > 0) io.err(`${file}: … and ${count(unlisted)} more findings`)
  if (!result.ok) {
    io.err(
      `${file}: not loaded, ${count(result.errorCount)} finding${result.errorCount === 1 ? '' : 's'} (the previous load is kept)`,
    )
    return
  }
  const skipped = result.invalidLines > 0 ? `, skipped ${count(result.invalidLines)} invalid lines` : ''
  io.out(`loaded ${count(result.rows)} ${referentialSpecs[result.kind].noun} from ${file}${skipped}`)
  if (result.certified !== undefined) {
    io.out(`${count(result.certified)} dossiers and CEP periods have a certified identity`)
  }
}

async function runList(args: string[], io: CliIo): Promise<number> {
  const { positionals } = parse('list', args)
  if (positionals.length > 0) throw new CliError(`list takes no argument\nusage: ${USAGE}`, 2)
  const loads = await withHub(io, { needsSecret: false, existing: true }, ({ store }) =>
    listReferentialLoads(store.db),
  )
  const width = Math.max(...REFERENTIAL_KINDS.map((k) => k.length))
  for (const kind of REFERENTIAL_KINDS) {
    const load = loads.find((l) => l.kind === kind)
    const what = load
      ? `${load.file}, ${count(load.rows)} rows, loaded ${load.loadedAt.toISOString().slice(0, 19)}Z`
      : 'never loaded'
    io.out(`${kind.padEnd(width)}  ${what}`)
  }
  return 0
}

function count(n: number): string {
  return n.toLocaleString('en-US')
}
