import type { Finding } from '../ingest/findings.ts'

/**
 * The findings of a load, capped: the first `cap` are kept (listed in line order), all are
 * counted, so that a file with a million bad lines fills neither memory nor the terminal.
 */
export class FindingList {
  private readonly kept: { readonly line: number; readonly finding: Finding }[] = []
  private findings = 0
  private lines = 0

  constructor(private readonly cap = 1000) {}

  /** Adds the findings of one data line, or of the file as a whole (line 0); once per line. */
  add(line: number, findings: readonly Finding[]): void {
    if (findings.length === 0) return
    if (line > 0) this.lines++
    for (const finding of findings) {
      this.findings++
      if (this.kept.length < this.cap) this.kept.push({ line, finding })
    }
  }

  /** Every finding counted. */
  get count(): number {
    return this.findings
  }

  /** Data lines with at least one finding. */
  get lineCount(): number {
    return this.lines
  }

  /** The kept findings, by line. */
  list(): Finding[] {
    return [...this.kept].sort((a, b) => a.line - b.line).map((k) => k.finding)
  }
}
