import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/database.ts'
import { createPreparer } from '../../ingest/preparer.ts'
import { existingFolder } from '../../lib/ensure-folder.ts'
import { startServer } from '../../server/start.ts'
import { prepareThreads, withHub } from '../hub.ts'
import { CliError, type CliIo, type Command } from '../io.ts'

/** `passerelle serve [--port 8080] [--site DIR]`: the partner API and the published site. */
export const serveCommand: Command = {
  name: 'serve',
  summary: 'serve the partner API and the published site',
  usage: 'passerelle serve [--port 8080] [--host 0.0.0.0] [--site DIR]',
  options: [
    ['--port P', 'port to listen on (default $PORT, else 8080)'],
    ['--host H', 'address to listen on (default 0.0.0.0)'],
    [
      '--site DIR',
      "published folder to serve (default the data folder's public/); a file or a missing folder is refused",
    ],
  ],
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: { port: { type: 'string' }, host: { type: 'string' }, site: { type: 'string' } },
      strict: true,
    })
    const port = portOption(values.port, io.env)
    const siteOption = values.site === undefined ? null : siteFolder(io.cwd, values.site)
    return withHub(io, { needsSecret: true }, async ({ store, secret, config }) => {
      const site = siteOption ?? resolve(config.dataDir, 'public')
      await serveUntilStopped(io, {
        db: store.db,
        storeKind: store.kind,
        secret,
        site,
        port,
        host: values.host ?? '0.0.0.0',
        trustProxy: config.trustProxy,
      })
      return 0
    })
  },
}

/**
 * The folder `--site` names, checked before the hub is opened (exit 2, naming the option, its
 * value and the rule): a file or a missing folder was served as no site at all, silently, and
 * every page of the site answered 404. The default (the data folder's `public/`) may be missing:
 * nothing is published yet.
 *
 * @example
 * siteFolder('/srv', 'public') // '/srv/public', or a CliError: --site "public" must be a published folder: /srv/public does not exist
 */
export function siteFolder(cwd: string, value: string): string {
  const rule = `--site "${value}" must be a published folder (what passerelle publish writes)`
  if (value.trim() === '') throw new CliError(`${rule}: it is empty`, 2)
  const path = resolve(cwd, value)
  // Served, never written: a read-only publication is fine.
  const problem = existingFolder(path, { write: false })
  if (problem !== null) throw new CliError(`${rule}: ${problem}`, 2)
  return path
}

/** Validates a port number given on the command line. */
export function parsePort(text: string, name = '--port'): number {
  const port = Number(text)
  if (text.trim() === '' || !Number.isInteger(port) || port < 0 || port > 65535)
    throw new CliError(`${name} "${text}" is not a port number (0–65535)`, 2)
  return port
}

/** The port `--port` gives, else the environment's PORT, else 8080; a bad one named as it was given. */
export function portOption(
  option: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): number {
  if (option !== undefined) return parsePort(option)
  if (env.PORT !== undefined) return parsePort(env.PORT, 'PORT')
  return 8080
}

/** What {@link startServing} serves. */
export interface ServingOptions {
  readonly db: Kysely<Database>
  readonly storeKind: 'pg' | 'pglite'
  readonly secret: string
  readonly site: string
  readonly port: number
  readonly host: string
  readonly trustProxy: number
  /**
   * True while a publication is putting the site into `site` (the demo serves while it publishes):
   * the site is then served even though the folder does not exist yet, and its pages say it is
   * being published until it is there (server/site.ts).
   */
  readonly sitePublishing?: () => boolean
}

/** A server that listens: its address, the site folder it serves (null: none), how to stop it. */
export interface Serving {
  readonly url: string
  readonly siteDir: string | null
  stop(): Promise<void>
}

/**
 * Starts the API, the partner area and the site, and says where. The site is served when its folder
 * exists, or when `sitePublishing` is given (it will).
 */
export async function startServing(io: CliIo, options: ServingOptions): Promise<Serving> {
  const preparer = await createPreparer(options.secret, prepareThreads(io.env))
  const siteDir = options.sitePublishing !== undefined || existsSync(options.site) ? options.site : null
  let running: Awaited<ReturnType<typeof startServer>>
  try {
    running = await startServer(
      {
        db: options.db,
        storeKind: options.storeKind,
        preparer,
        siteDir,
        ...(options.sitePublishing ? { sitePublishing: options.sitePublishing } : {}),
        secret: options.secret,
        trustProxy: options.trustProxy,
        today: () => new Date().toISOString().slice(0, 10),
      },
      options.port,
      options.host,
    )
  } catch (error) {
    await preparer.close()
    throw listenError(error, options.host, options.port)
  }
  const shown = options.host === '0.0.0.0' ? 'localhost' : options.host
  const url = `http://${shown}:${running.port}`
  io.err(
    `passerelle: serving on ${url}  (API: /api/v1, OpenAPI: /api/v1/openapi.json${siteDir ? `, site: ${siteDir}` : ''}); Ctrl-C stops`,
  )
  return {
    url,
    siteDir,
    stop: async () => {
      await running.stop()
      await preparer.close()
      io.err('passerelle: stopped')
    },
  }
}

/** Resolves on Ctrl-C (or the io's interruption signal); at once when it came already. */
export function untilStopped(io: CliIo): Promise<void> {
  return new Promise<void>((done) => {
    if (io.interrupted?.aborted) done()
    io.interrupted?.addEventListener('abort', () => done(), { once: true })
  })
}

/**
 * Serves until Ctrl-C (or the io's interruption signal). `onServing` is called once the server
 * listens, with its address (the port the system chose for port 0) and the site folder served, or
 * null when `site` does not exist: so that a caller says it is ready only when it is.
 */
export async function serveUntilStopped(
  io: CliIo,
  options: ServingOptions & { onServing?: (url: string, siteDir: string | null) => void },
): Promise<void> {
  const serving = await startServing(io, options)
  try {
    options.onServing?.(serving.url, serving.siteDir)
    await untilStopped(io)
  } finally {
    await serving.stop()
  }
}

/** A failure to listen as the operator can act on it: the address, what is wrong, exit 2. */
export function listenError(error: unknown, host: string, port: number): unknown {
  const code = (error as { code?: string }).code
  if (code === 'EADDRINUSE')
    return new CliError(
      `port ${port} on ${host} is taken by another program: stop it, or choose another with --port (or PORT)`,
      2,
    )
  if (code === 'EACCES')
    return new CliError(
      `port ${port} on ${host} may not be opened by this user (ports below 1024 need privileges): choose another with --port`,
      2,
    )
  if (code === 'ENOTFOUND' || code === 'EADDRNOTAVAIL' || code === 'EAI_AGAIN')
    return new CliError(
      `--host "${host}" is not an address of this machine (${code}): give one, e.g. 127.0.0.1 or 0.0.0.0`,
      2,
    )
  return error
}
