import { auditCommand } from './commands/audit.ts'
import { auditLogCommand } from './commands/audit-log.ts'
import { demoCommand } from './commands/demo.ts'
import { generateCommand } from './commands/generate.ts'
import { importCommand } from './commands/import.ts'
import { migrateCommand } from './commands/migrate.ts'
import { operatorLogCommand } from './commands/operator-log.ts'
import { partnersCommand } from './commands/partners.ts'
import { protectCommand } from './commands/protect.ts'
import { publishCommand } from './commands/publish.ts'
import { referentialsCommand } from './commands/referentials.ts'
import { serveCommand } from './commands/serve.ts'
import { siteCommand } from './commands/site.ts'
import { statusCommand } from './commands/status.ts'
import { usersCommand } from './commands/users.ts'
import type { Command } from './io.ts'

/** Every sub-command, in the order `passerelle help` lists them. */
export const commands: Command[] = [
  demoCommand,
  migrateCommand,
  partnersCommand,
  usersCommand,
  importCommand,
  referentialsCommand,
  statusCommand,
  serveCommand,
  publishCommand,
  siteCommand,
  generateCommand,
  protectCommand,
  auditCommand,
  auditLogCommand,
  operatorLogCommand,
]
