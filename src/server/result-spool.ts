import { createReadStream } from 'node:fs'
import { appendFile, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** Answers kept in memory up to this many bytes of JSON; past it they go to a file. */
export const SPOOL_MEMORY_BYTES = 4 * 1024 * 1024

/**
 * The answers of an NDJSON transmission, `{"results":[…]}`, gathered batch by batch. A transmission
 * of millions of records has hundreds of megabytes of answers: past `memoryBytes` they are written
 * to a private temporary file (mode 600: they name record ids and the values refused), so that the
 * server's memory stays flat whatever the length, then sent from it and the file removed. They are
 * sent only once every record is stored, as the spec wants: a client that reads its answer only
 * after sending its whole body (curl, most HTTP clients) would otherwise block the server.
 */
export class ResultSpool {
  private readonly memoryBytes: number
  private readonly parent: string
  private pending: string[] = []
  private bytes = 0
  /** The private folder holding `results.json`, once the answers outgrew memory. */
  private dir: string | null = null
  private count = 0

  constructor(options: { memoryBytes?: number; dir?: string } = {}) {
    this.memoryBytes = options.memoryBytes ?? SPOOL_MEMORY_BYTES
    this.parent = options.dir ?? tmpdir()
  }

  /** Adds a batch's answers, in order. */
  async add(answers: readonly unknown[]): Promise<void> {
    if (answers.length === 0) return
    const text = `${this.count > 0 ? ',' : ''}${answers.map((a) => JSON.stringify(a)).join(',')}`
    this.count += answers.length
    if (this.dir !== null) return appendFile(join(this.dir, 'results.json'), text)
    this.pending.push(text)
    this.bytes += text.length
    if (this.bytes <= this.memoryBytes) return
    this.dir = await mkdtemp(join(this.parent, 'passerelle-answers-'))
    await writeFile(join(this.dir, 'results.json'), this.pending.join(''), { mode: 0o600 })
    this.pending = []
  }

  /** Whether the answers went to a file. */
  get spilled(): boolean {
    return this.dir !== null
  }

  /** The whole answer as a stream; a file is removed once it is read or the reader gives up. */
  body(): ReadableStream<Uint8Array> {
    const encoder = new TextEncoder()
    const file = this.dir === null ? null : join(this.dir, 'results.json')
    const inMemory = this.pending.join('')
    this.pending = []
    const remove = () => this.discard()
    let reader: AsyncIterator<Buffer> | null = null
    let stage: 'head' | 'file' | 'tail' | 'done' = 'head'
    return new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (stage === 'head') {
          controller.enqueue(encoder.encode(`{"results":[${inMemory}`))
          stage = file === null ? 'tail' : 'file'
          if (file !== null) reader = createReadStream(file)[Symbol.asyncIterator]()
          return
        }
        if (stage === 'file') {
          const next = await reader!.next()
          if (!next.done) return controller.enqueue(new Uint8Array(next.value))
          stage = 'tail'
        }
        if (stage === 'tail') {
          controller.enqueue(encoder.encode(']}'))
          stage = 'done'
          await remove()
          controller.close()
        }
      },
      async cancel() {
        await reader?.return?.()
        await remove()
      },
    })
  }

  /** Removes the file (and any answer still in memory), when an error ends the transmission before its answer. */
  async discard(): Promise<void> {
    this.pending = []
    if (this.dir !== null) await rm(this.dir, { recursive: true, force: true })
  }
}
