/**
 * `passerelle generate`: writes a deterministic synthetic data set — partners, their NDJSON feeds
 * and the referentials — through buffered streams, so that a million dossiers take minutes and
 * flat memory.
 * @module
 */

import { once } from 'node:events'
import { createWriteStream, readdirSync, statfsSync, statSync, type WriteStream } from 'node:fs'
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import {
  defaultUntil,
  type GenerateOptions,
  type GenerateSink,
  type GenerateSummary,
  generate,
  type ReferentialKind,
} from '../../generate/generate.ts'
import type { Partner } from '../../generate/partners.ts'
import { loadGeneratorReference } from '../../generate/reference.ts'
import { csvLine } from '../../lib/csv.ts'
import { isCalendarDate } from '../../lib/dates.ts'
import { ensureFolder } from '../../lib/ensure-folder.ts'
import { CliError, type CliIo, type Command, requiredOption } from '../io.ts'

const CHUNK = 1 << 16
/** The generator's least last day (src/generate/generate.ts checkOptions). */
const EARLIEST_UNTIL = '2021-06-01'

/**
 * The most dossiers generate writes: the reference stock (8 M dossiers, what the benchmarks
 * extrapolate to and the demo's own maximum), about 26 GB of files. A typo's extra digit wrote
 * until the disk was full.
 */
export const MAX_GENERATE_DOSSIERS = 8_000_000

/**
 * The bytes written per dossier, with its versions, its persons' referential lines and the
 * invalid records: 3,230 at 20,000 dossiers with `--invalid-rate 0.01` (64.6 MB), rounded up.
 */
export const BYTES_PER_DOSSIER = 3_300

const USAGE = 'passerelle generate --dossiers N [--seed S] [--invalid-rate R] [--until YYYY-MM-DD] --out DIR'

/** A file written line by line through a buffer, honouring the stream's backpressure. */
class LineFile {
  private chunks: string[] = []
  private size = 0
  lines = 0
  private readonly stream: WriteStream

  constructor(path: string) {
    this.stream = createWriteStream(path)
  }

  write(line: string): void | Promise<void> {
    this.chunks.push(line)
    this.size += line.length + 1
    this.lines++
    if (this.size >= CHUNK) return this.flush()
  }

  private flush(): void | Promise<void> {
    if (this.chunks.length === 0) return
    const ok = this.stream.write(`${this.chunks.join('\n')}\n`)
    this.chunks = []
    this.size = 0
    if (!ok) return once(this.stream, 'drain').then(() => undefined)
  }

  async close(): Promise<void> {
    await this.flush()
    await new Promise<void>((done, fail) => {
      this.stream.once('error', fail)
      this.stream.end(() => done())
    })
  }
}

/** A sink writing `partners.csv`, `feeds/<PARTNER>.ndjson` and `referentials/<kind>.csv` under `dir`. */
export function fileSink(dir: string, interrupted?: AbortSignal) {
  const partners: Partner[] = []
  const feeds = new Map<string, LineFile>()
  const referentials = new Map<ReferentialKind, LineFile>()
  let count = 0
  const sink: GenerateSink = {
    partner(p) {
      partners.push(p)
      feeds.set(p.code, new LineFile(join(dir, 'feeds', `${p.code}.ndjson`)))
    },
    feed(code, line) {
      if (++count % 10000 === 0 && interrupted?.aborted) throw new CliError('interrupted', 130)
      const file = feeds.get(code)
      if (!file) throw new Error(`unknown partner: ${code}`)
      return file.write(line)
    },
    referential(kind, line) {
      let file = referentials.get(kind)
      if (!file) {
        file = new LineFile(join(dir, 'referentials', `${kind}.csv`))
        referentials.set(kind, file)
      }
      return file.write(line)
    },
  }
  return {
    sink,
    /** Closes every file and returns the line count of each, by path relative to `dir`. */
    async close(): Promise<Record<string, number>> {
      const counts: Record<string, number> = {}
      await writeFile(
        join(dir, 'partners.csv'),
        `${['code,name,kind', ...partners.map((p) => csvLine([p.code, p.name, p.kind]))].join('\n')}\n`,
      )
      counts['partners.csv'] = partners.length + 1
      for (const [code, file] of feeds) {
        await file.close()
        counts[`feeds/${code}.ndjson`] = file.lines
      }
      for (const [kind, file] of referentials) {
        await file.close()
        counts[`referentials/${kind}.csv`] = file.lines
      }
      return counts
    },
  }
}

/** Parses the command's arguments into generator options and the output directory. */
export function parseGenerateArgs(args: string[], cwd: string): { options: GenerateOptions; out: string } {
  let values: Record<string, string | undefined>
  try {
    ;({ values } = parseArgs({
      args,
      options: {
        dossiers: { type: 'string' },
        seed: { type: 'string' },
        'invalid-rate': { type: 'string' },
        until: { type: 'string' },
        out: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }))
  } catch (error) {
    throw new CliError((error as Error).message, 2)
  }
  const count = requiredOption(values.dossiers, '--dossiers N', USAGE)
  const outOption = requiredOption(values.out, '--out DIR', USAGE)
  const dossiers = Number(count)
  if (!Number.isInteger(dossiers) || dossiers < 1)
    throw new CliError(`--dossiers "${values.dossiers}" must be a positive integer`, 2)
  if (dossiers > MAX_GENERATE_DOSSIERS)
    throw new CliError(
      `--dossiers ${values.dossiers} is more than generate writes: at most ${MAX_GENERATE_DOSSIERS.toLocaleString('en-US')} (the reference stock, about ${gigabytes(MAX_GENERATE_DOSSIERS * BYTES_PER_DOSSIER)} of files)`,
      2,
    )
  const invalidRate = Number(values['invalid-rate'] ?? 0)
  if (!(invalidRate >= 0 && invalidRate <= 1))
    throw new CliError(
      `--invalid-rate "${values['invalid-rate']}" must be a share from 0 to 1 (e.g. 0.01)`,
      2,
    )
  const until = values.until ?? defaultUntil
  if (!isCalendarDate(until))
    throw new CliError(`--until "${until}" must be a date YYYY-MM-DD of the calendar`, 2)
  // Checked here, before anything is written: the generator refuses it too, but mid-way.
  if (until < EARLIEST_UNTIL)
    throw new CliError(
      `--until "${until}" must be ${EARLIEST_UNTIL} or later: the generated trainings start in 2021`,
      2,
    )
  return {
    options: { dossiers, seed: values.seed ?? '1', invalidRate, until },
    out: resolve(cwd, outOption),
  }
}

/** `26.4 GB`, `66 MB` */
function gigabytes(bytes: number): string {
  return bytes >= 1e9 ? `${(bytes / 1e9).toFixed(1)} GB` : `${Math.ceil(bytes / 1e6)} MB`
}

/**
 * What stops `dossiers` from being written to `out` for want of space, or null: the estimate
 * (BYTES_PER_DOSSIER each) against what is free on its file system (`available` bytes) plus what
 * an earlier output there frees (`replaced` bytes). Refused before anything is written: a disk
 * filled half-way leaves a partial output and a full disk under the hub.
 *
 * @example
 * lackOfSpace(1_000_000, '/data/gen', 2e9, 0) // '--dossiers 1000000 needs about 3.3 GB in /data/gen, where 2.0 GB are free: …'
 */
export function lackOfSpace(
  dossiers: number,
  out: string,
  available: number,
  replaced: number,
): string | null {
  const needed = dossiers * BYTES_PER_DOSSIER
  if (needed <= available + replaced) return null
  const earlier =
    replaced > 0 ? ` (${gigabytes(replaced)} of them held by the earlier output it replaces)` : ''
  return `--dossiers ${dossiers} needs about ${gigabytes(needed)} in ${out}, where ${gigabytes(available + replaced)} are free${earlier}: free some space, or write fewer dossiers or elsewhere`
}

/** The bytes free to this process on the file system `path` is (or would be) on. */
function availableBytes(path: string): number | null {
  for (let at = path; ; at = dirname(at)) {
    try {
      const fs = statfsSync(at)
      return fs.bavail * fs.bsize
    } catch {
      if (dirname(at) === at) return null
    }
  }
}

/** The bytes of an earlier output in `out` (its feeds and referentials), which prepareOut removes. */
function earlierOutputBytes(out: string): number {
  let bytes = 0
  for (const folder of ['feeds', 'referentials'])
    try {
      for (const name of readdirSync(join(out, folder))) bytes += statSync(join(out, folder, name)).size
    } catch {
      // none there
    }
  return bytes
}

function summaryText(summary: GenerateSummary, out: string, seconds: number): string {
  const lines = Object.values(summary.feedLines).reduce((a, b) => a + b, 0)
  const invalid = Object.values(summary.invalid).reduce((a, b) => a + b, 0)
  const partners = Object.values(summary.feedLines).filter((n) => n > 0).length
  return [
    `generated ${summary.dossiers} dossiers (${summary.persons} persons, ${summary.cepPeriods} CEP periods) in ${seconds.toFixed(1)} s`,
    `  feeds: ${lines} lines from ${partners} partners (${invalid} invalid, ${summary.retries} retries, ${summary.corrections} corrections)`,
    `  co-funded CPF dossiers: ${summary.coFunded.sharedWith} linked by sharedWith, ${summary.coFunded.rule} by the matching rule`,
    `  referentials: ${Object.entries(summary.referentials)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}`,
    `  written to ${out}`,
  ].join('\n')
}

/** What generate writes in its folder: files of an earlier run there are replaced. */
const OWN_ENTRIES = new Set(['feeds', 'referentials', 'partners.csv', 'manifest.json', 'rejects'])

/**
 * Makes `out` ready: created when missing; refused when it holds anything generate does not write
 * (writing feeds among someone's files would mix them up), or when `dossiers` would not fit in the
 * space left (lackOfSpace); an earlier output's feeds and
 * referentials are removed whole, so that no file of that run, nor a stray one, is left beside the
 * new ones for an import of `feeds/*.ndjson` to take in.
 */
async function prepareOut(out: string, dossiers: number): Promise<void> {
  // Not mkdir's recursive mode: under /proc it loops for good (src/lib/ensure-folder.ts).
  const folder = ensureFolder(out)
  if (folder !== null) throw new CliError(`cannot use --out ${out}: ${folder}`, 2)
  const entries: string[] = await readdir(out).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return []
    throw new CliError(`cannot use --out ${out} (${error.code ?? 'error'})`)
  })
  const foreign = entries.filter((e) => !OWN_ENTRIES.has(e))
  // An interrupted run (no manifest yet) left only entries of ours: it is taken over too.
  if (foreign.length > 0) {
    throw new CliError(
      `--out ${out} holds files that passerelle generate did not write (${foreign.slice(0, 3).join(', ')}${foreign.length > 3 ? ', …' : ''}): choose an empty or new folder`,
      2,
    )
  }
  // Checked before the earlier output is removed: a refusal leaves it as it was.
  const available = availableBytes(out)
  const lacking = available === null ? null : lackOfSpace(dossiers, out, available, earlierOutputBytes(out))
  if (lacking !== null) throw new CliError(lacking, 2)
  await rm(join(out, 'feeds'), { recursive: true, force: true })
  await rm(join(out, 'referentials'), { recursive: true, force: true })
  await mkdir(join(out, 'feeds'))
  await mkdir(join(out, 'referentials'))
}

/** `passerelle generate --dossiers N [--seed S] [--invalid-rate R] [--until YYYY-MM-DD] --out DIR` */
export const generateCommand: Command = {
  name: 'generate',
  summary: 'write a deterministic synthetic data set (partner feeds and referentials)',
  usage: USAGE,
  options: [
    [
      '--dossiers N',
      `how many dossiers (required; at most ${MAX_GENERATE_DOSSIERS.toLocaleString('en-US')}, about 3.3 GB of files per million, checked against the free space)`,
    ],
    ['--seed S', 'seed: the same seed gives the same files (default 1)'],
    ['--invalid-rate R', 'share of records made invalid, of every kind the spec rejects, 0 to 1 (default 0)'],
    ['--until D', 'the last day of the data (default 2026-09-30)'],
    ['--out DIR', 'folder to write: new, empty or an earlier output, replaced whole (required)'],
  ],
  async run(args: string[], io: CliIo): Promise<number> {
    const { options, out } = parseGenerateArgs(args, io.cwd)
    const started = performance.now()
    await prepareOut(out, options.dossiers)
    const reference = await loadGeneratorReference()
    const files = fileSink(out, io.interrupted)
    let summary: GenerateSummary
    try {
      summary = await generate(options, reference, files.sink)
    } catch (error) {
      await files.close()
      throw error
    }
    const counts = await files.close()
    const manifest = { generator: 'passerelle generate', options, files: counts, summary }
    await writeFile(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)
    io.out(summaryText(summary, out, (performance.now() - started) / 1000))
    return 0
  },
}
