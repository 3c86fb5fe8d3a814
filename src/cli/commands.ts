import type { Command } from './io.ts'

/** Every sub-command, in the order `passerelle help` lists them. */
export const commands: Command[] = []
