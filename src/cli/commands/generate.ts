/**
 * `passerelle generate`: writes a deterministic synthetic data set — partners, their NDJSON feeds
 * and the referentials — through buffered streams, so that a million dossiers take minutes and
 * flat memory.
 * @module
 */

import { once } from 'node:events'
import { createWriteStream, type WriteStream } from 'node:fs'
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
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
 * (writing feeds among someone's files would mix them up); an earlier output's feeds and
 * referentials are removed whole, so that no file of that run, nor a stray one, is left beside the
 * new ones for an import of `feeds/*.ndjson` to take in.
 */
async function prepareOut(out: string): Promise<void> {
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
    ['--dossiers N', 'how many dossiers (required)'],
    ['--seed S', 'seed: the same seed gives the same files (default 1)'],
    ['--invalid-rate R', 'share of records made invalid, of every kind the spec rejects, 0 to 1 (default 0)'],
    ['--until D', 'the last day of the data (default 2026-09-30)'],
    ['--out DIR', 'folder to write: new, empty or an earlier output, replaced whole (required)'],
  ],
  async run(args: string[], io: CliIo): Promise<number> {
    const { options, out } = parseGenerateArgs(args, io.cwd)
    const started = performance.now()
    await prepareOut(out)
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
