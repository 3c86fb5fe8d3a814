import { describe, expect, it } from 'vitest'
import { commands } from './commands.ts'
import { memoryIo } from './io.ts'
import { main } from './main.ts'

describe('passerelle', () => {
  it('answers an unknown option of any command with a usage error (exit 2), never a stack trace', async () => {
    const answers = []
    for (const command of commands) {
      const { io, stdout, stderr } = memoryIo({}, '/')
      const code = await main([command.name, '--no-such-option'], io)
      answers.push([command.name, code, stdout, stderr.join('\n').startsWith(`passerelle ${command.name}: `)])
    }
    expect(answers).toEqual(commands.map((c) => [c.name, 2, [], true]))
  })

  it('names the refused option and shows the usage', async () => {
    const { io, stderr } = memoryIo({}, '/')
    expect(await main(['site', '--bogus'], io)).toBe(2)
    expect(stderr).toEqual(["passerelle site: Unknown option '--bogus'\nusage: passerelle site [--out DIR]"])
  })
})
