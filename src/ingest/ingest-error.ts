/** A failure that stops an import before it starts (unknown partner, unreadable file). */
export class IngestError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'IngestError'
  }
}
