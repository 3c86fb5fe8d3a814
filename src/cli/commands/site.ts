import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { readConfig } from '../../config.ts'
import { existingFolder } from '../../lib/ensure-folder.ts'
import { buildSiteIn } from '../../site/build-site.ts'
import { SiteInputError } from '../../site/published.ts'
import { CliError, type Command } from '../io.ts'

const usage = 'passerelle site [--out DIR]'

/** `passerelle site`: rebuilds the static site of a published folder from its files alone. */
export const siteCommand: Command = {
  name: 'site',
  summary: 'rebuild the static site of a published folder (default: the data folder’s public/)',
  usage,
  options: [['--out DIR', "the published folder to rebuild the site of (default the data folder's public/)"]],
  async run(args, io) {
    const { values } = parseArgs({ args, options: { out: { type: 'string' } }, strict: true })
    const dataDir = values.out ? '' : readConfig(io.env, io.cwd).dataDir
    const out = values.out ? resolve(io.cwd, values.out) : resolve(dataDir, 'public')
    // The site is written into the publication: a file or a read-only folder would fail midway.
    const problem = existingFolder(out)
    if (problem !== null)
      throw new CliError(
        values.out
          ? `--out "${values.out}" must be a published folder: ${problem}`
          : `PASSERELLE_DATA "${dataDir}": its published folder ${out} cannot be rebuilt: ${problem}`,
        2,
      )
    try {
      const result = await buildSiteIn(out, (message) => io.err(message))
      io.out(`site of ${out}: ${result.files.length} files in ${result.milliseconds} ms`)
      return 0
    } catch (error) {
      if (error instanceof SiteInputError)
        throw new CliError(`no site built, ${out} is not a publication:\n${error.message}`)
      throw error
    }
  },
}
