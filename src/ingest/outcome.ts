import type { Finding } from './findings.ts'

/** What the hub did with one record (spec/README.md, "Versions"). */
export type Outcome = 'created' | 'updated' | 'unchanged' | 'stale' | 'conflict' | 'invalid'

/** The answer for one record of a batch or file. */
export interface RecordResult {
  readonly index: number
  readonly id: string | null
  readonly type: string | null
  readonly outcome: Outcome
  readonly errors?: readonly Finding[]
}

/** The stored state of a record that a new version is compared against. */
export interface StoredVersion {
  readonly version: number
  readonly contentHash: string
}

/** Outcomes that store a new version. */
export function isAccepted(outcome: Outcome): boolean {
  return outcome === 'created' || outcome === 'updated'
}

/**
 * The version rule: a higher version is applied (`created` when nothing is stored), a lower one is
 * `stale`, the same version with the same content `unchanged`, with other content `conflict`.
 */
export function decideOutcome(
  stored: StoredVersion | undefined,
  incoming: StoredVersion,
): 'created' | 'updated' | 'unchanged' | 'stale' | 'conflict' {
  if (!stored) return 'created'
  if (incoming.version > stored.version) return 'updated'
  if (incoming.version < stored.version) return 'stale'
  return incoming.contentHash === stored.contentHash ? 'unchanged' : 'conflict'
}

/** The finding reported with a rejected version, naming both versions. */
export function versionFinding(
  outcome: 'stale' | 'conflict',
  stored: StoredVersion,
  incoming: StoredVersion,
): Finding {
  return outcome === 'stale'
    ? {
        path: '/version',
        code: 'version/stale',
        message: `version ${incoming.version} is lower than the stored version ${stored.version} (a version must grow with every change; the stored one is kept)`,
      }
    : {
        path: '/version',
        code: 'version/conflict',
        message: `version ${incoming.version} is already stored with other content (a changed record needs a higher version)`,
      }
}

/** Codes the hub adds beside the validation rules, with what they mean. */
export const ingestRuleCodes: Readonly<Record<string, string>> = Object.freeze({
  'version/stale': 'a version lower than the stored one (the stored one is kept)',
  'version/conflict': 'the stored version number again with other content',
  'record/invalid-json': 'the line is not valid JSON',
  'record/invalid-utf8': 'the line is not UTF-8 (a file saved as Windows-1252 or Latin-1?)',
  'record/nul-character': 'a text contains the NUL character, which cannot be stored',
  'record/invalid-unicode': 'a text contains an unpaired UTF-16 surrogate, which is not text',
  'record/too-deep': 'values nested far deeper than any record (more than 32 levels)',
})
