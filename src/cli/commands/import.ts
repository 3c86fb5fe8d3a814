import { closeSync, openSync, readSync, statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { refreshPartnerSummaries } from '../../access/summaries.ts'
import { type ImportSummary, IngestError, importFile } from '../../ingest/import-file.ts'
import { createPreparer } from '../../ingest/preparer.ts'
import { abandonImport } from '../../ingest/unfinished-imports.repository.ts'
import { existingFolder } from '../../lib/ensure-folder.ts'
import { formatCount, prepareThreads, withHub } from '../hub.ts'
import { CliError, type CliIo, type Command } from '../io.ts'
import { duration, progressLine } from '../progress.ts'

/**
 * The exit status of an import whose file is in but of which no record was accepted: every one
 * was rejected (a JSON document instead of NDJSON, another partner's or an older file). A script
 * must not go on as if the partner's data were in. Some records rejected among accepted ones is
 * the spec's ordinary case ("valid records … are stored even when others … are rejected"): 0,
 * with the rejections in the summary and the rejects file.
 */
export const NOTHING_ACCEPTED = 3

/** `passerelle import --partner CODE FILE.ndjson [--rejects OUT.ndjson]`: initial loads of partner files. */
export const importCommand: Command = {
  name: 'import',
  summary: "import a partner's NDJSON file (resumable; same rules as the API)",
  usage: `passerelle import --partner CODE FILE.ndjson [--rejects OUT.ndjson] [--batch-size 2000]
       passerelle import --abandon TRANSMISSION
exit status: 0 the file is in, every record accepted or some rejected (listed in the summary); ${NOTHING_ACCEPTED} the file is in but no record was accepted, every one rejected; 1 refused or failed, nothing or part imported (the message says which); 2 bad usage; 130 interrupted (run it again to continue)`,
  options: [
    ['--partner CODE', 'the partner whose file it is (required)'],
    [
      '--rejects OUT.ndjson',
      'write each rejected line with its findings there (mode 600: identities included)',
    ],
    ['--batch-size N', 'records per transaction, 1 to 20000 (default 2000)'],
    [
      '--abandon ID',
      'close an unfinished file import that will not be continued (its file changed, or is gone), as passerelle status lists it: the records it committed stay',
    ],
  ],
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: {
        partner: { type: 'string' },
        rejects: { type: 'string' },
        'batch-size': { type: 'string' },
        abandon: { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    })
    if (values.abandon !== undefined) {
      if (values.partner !== undefined || values.rejects !== undefined || positionals.length > 0)
        throw new CliError('--abandon ID takes no file and no other option', 2)
      return abandon(io, values.abandon)
    }
    if (!values.partner) throw new CliError('--partner CODE is required', 2)
    if (positionals.length !== 1) throw new CliError('give exactly one FILE.ndjson', 2)
    const batchSize = Number(values['batch-size'] ?? 2000)
    if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 20000)
      throw new CliError(`--batch-size "${values['batch-size']}" must be an integer from 1 to 20000`, 2)
    const path = resolve(io.cwd, positionals[0]!)
    // `--rejects ""` is refused by rejectsFile, not taken for no rejects file.
    const rejectsPath = values.rejects !== undefined ? resolve(io.cwd, values.rejects) : null
    if (rejectsPath && sameFile(path, rejectsPath))
      throw new CliError(
        `--rejects ${values.rejects} is the file being imported: writing the rejected lines would erase it; give another file`,
        2,
      )
    if (rejectsPath !== null) rejectsFile(values.rejects!, rejectsPath)
    return withHub(io, { needsSecret: true, existing: true }, async ({ store, secret }) => {
      const preparer = await createPreparer(secret, prepareThreads(io.env))
      const today = new Date().toISOString().slice(0, 10)
      try {
        const summary = await importFile(store.db, {
          partnerCode: values.partner!,
          path,
          rejectsPath,
          preparer,
          today,
          batchSize,
          exclusive: store.kind === 'pg',
          ...(io.interrupted ? { signal: io.interrupted } : {}),
          ...(io.status ? { onProgress: (p) => io.status?.(progressLine(p)) } : {}),
        })
        if (io.status) io.status('')
        printSummary(io, summary, path, rejectsPath)
        if (summary.status !== 'done') return 130
        const status = exitStatus(io, summary)
        if (summary.alreadyImported) return status
        // The partner's first view of its dashboard and quality page after a load would otherwise
        // compute them (seconds per 100,000 dossiers).
        const started = Date.now()
        io.status?.('computing the partner area summaries…')
        const failed = await refreshPartnerSummaries(store.db, summary.partnerId, today).then(
          () => null,
          (error: Error) => error,
        )
        if (io.status) io.status('')
        // The file is in, whatever happens here: the exit code says so, and the partner's next
        // view computes what is missing.
        if (failed)
          io.err(
            `passerelle import: the partner area summaries were not computed (${failed.message}); the partner's next view of its pages computes them`,
          )
        else
          io.out(
            `  partner area: dashboard and quality summaries computed in ${duration((Date.now() - started) / 1000)}`,
          )
        return status
      } catch (error) {
        if (error instanceof IngestError) throw new CliError(error.message)
        throw error
      } finally {
        await preparer.close()
      }
    })
  },
}

/**
 * Checks `--rejects` before the hub is opened (exit 2, nothing recorded): its folder must exist
 * and be writable (a mistyped path used to be created, folders and all), and the path must not be
 * a folder. The file itself is created, or emptied, once the import starts.
 */
export function rejectsFile(given: string, path: string): void {
  const rule = `--rejects ${JSON.stringify(given)} must be a file in an existing folder`
  if (given.trim() === '') throw new CliError(`${rule}: it is empty`, 2)
  if (existingFolder(path, { write: false }) === null)
    throw new CliError(`${rule}: ${path} is a directory`, 2)
  const folder = existingFolder(dirname(path))
  if (folder !== null)
    throw new CliError(`${rule}: ${folder} (create the folder first, or give another path)`, 2)
}

/** `--abandon ID`: closes an unfinished file import, which `passerelle status` then stops listing. */
async function abandon(io: CliIo, given: string): Promise<number> {
  if (!/^[1-9][0-9]{0,15}$/.test(given))
    throw new CliError(`--abandon "${given}" must be a transmission number, as passerelle status lists it`, 2)
  return withHub(io, { needsSecret: false, existing: true }, async ({ store }) => {
    const result = await abandonImport(store.db, Number(given))
    if (!result.ok) throw new CliError(`${result.problem.message} (${result.problem.code})`)
    const a = result.abandoned
    io.out(
      `transmission ${a.transmission} (${a.partner}, ${a.file}) abandoned: ${formatCount(a.lines)} lines committed stay in the hub; importing that same file again would continue it`,
    )
    return 0
  })
}

/** 0, or NOTHING_ACCEPTED (said on stderr) when records were rejected and none accepted. */
function exitStatus(io: CliIo, s: ImportSummary): number {
  const c = s.counts
  const rejected = c.invalid + c.stale + c.conflict
  if (rejected === 0 || c.created + c.updated + c.unchanged > 0) return 0
  io.err(
    `passerelle import: no record of ${s.file} was accepted, all ${formatCount(rejected)} rejected (exit status ${NOTHING_ACCEPTED})`,
  )
  return NOTHING_ACCEPTED
}

function printSummary(io: CliIo, s: ImportSummary, path: string, rejectsPath: string | null) {
  const c = s.counts
  if (s.alreadyImported)
    io.out(`${s.file}: already imported (transmission ${s.transmissionId}); nothing done again`)
  else if (s.status === 'interrupted')
    io.out(`${s.file}: interrupted; run the same command again to continue where it stopped`)
  else io.out(`${s.file}: imported${s.resumed ? ' (resumed)' : ''} in ${duration(s.elapsedMs / 1000)}`)
  io.out(
    `  ${formatCount(c.records)} ${c.records === 1 ? 'record' : 'records'}: ${formatCount(c.created)} created, ${formatCount(c.updated)} updated, ${formatCount(c.unchanged)} unchanged, ${formatCount(c.stale)} stale, ${formatCount(c.conflict)} conflict, ${formatCount(c.invalid)} invalid`,
  )
  const codes = Object.entries(s.rejectedByCode)
  if (codes.length > 0) {
    io.out('  rejected by rule:')
    for (const [code, n] of codes) io.out(`    ${code.padEnd(40)} ${formatCount(n).padStart(9)}`)
    const opening = s.rejectedByCode['record/invalid-json'] ? jsonDocumentOpening(path) : null
    if (opening) {
      // Never the file itself: the shell would empty it before jq reads it.
      const stem = s.file.replace(/\.(nd)?json$/i, '')
      const out = `${stem}.ndjson` === s.file ? `${stem}.lines.ndjson` : `${stem}.ndjson`
      io.out(
        `  hint: ${s.file} looks like one JSON document spread over lines ("${opening}" alone on its first line), not NDJSON (one whole record per line): write one record per line first, e.g. jq -c '${opening === '[' ? '.[]' : '.'}' ${s.file} > ${out}`,
      )
    }
    if (rejectsPath && s.rejectsRewritten !== undefined)
      io.out(
        `  rejected lines with their errors, written again from that import's findings (${formatCount(s.rejectsRewritten)}): ${rejectsPath}`,
      )
    else if (rejectsPath) io.out(`  rejected lines with their errors: ${rejectsPath}`)
    else
      io.out(
        '  the rejected lines are not kept: run the same command with --rejects FILE to write them with their errors',
      )
  }
}

/**
 * `[` or `{` when the file opens with it alone on its first non-blank line: a JSON document
 * pretty-printed over lines, which read as NDJSON is a rejected line per line of it. Null
 * otherwise, or when the file cannot be read.
 */
export function jsonDocumentOpening(path: string): '[' | '{' | null {
  const head = Buffer.alloc(4096)
  let read: number
  try {
    const fd = openSync(path, 'r')
    try {
      read = readSync(fd, head, 0, head.length, 0)
    } finally {
      closeSync(fd)
    }
  } catch {
    return null
  }
  const match = /^\uFEFF?\s*([[{])[ \t\r]*\n/.exec(head.subarray(0, read).toString('utf8'))
  return (match?.[1] as '[' | '{' | undefined) ?? null
}

// The same file under two names too (a link): the rejects file is truncated before the import reads.
function sameFile(a: string, b: string): boolean {
  if (a === b) return true
  try {
    const [x, y] = [statSync(a), statSync(b)]
    return x.dev === y.dev && x.ino === y.ino
  } catch {
    return false
  }
}
