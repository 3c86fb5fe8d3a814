/**
 * Shared dossiers (spec/README.md, "Shared dossiers"): records of different partners describe the
 * same dossier when one names the other in `sharedWith`, or, failing that, when they have the same
 * person, organism SIRET, certification code (or both none) and planned starts within 31 days.
 * Pure: the repository gathers the candidates, this decides the links and the groups.
 */

/** What linking needs to know of one dossier's current state. */
export interface LinkCandidate {
  readonly personKey: string
  readonly partnerId: number
  readonly partnerCode: string
  readonly recordId: string
  readonly siret: string
  readonly certificationCode: string | null
  readonly plannedStart: string
  readonly sharedWith: readonly { readonly partner: string; readonly id: string }[]
}

export interface Link {
  readonly a: LinkCandidate
  readonly b: LinkCandidate
  readonly reason: 'declared' | 'matched'
}

/**
 * Beyond this many current dossiers, a person's NIR is taken for a placeholder (`1000000000000`
 * sent for unknown NIRs, say) rather than one person's: the matching rule does not link their
 * dossiers, declared links still do. The rule would otherwise join unrelated trainees' dossiers
 * of the same organism, certification and month into shared dossiers that every partner of them
 * reads, and the links between two partners' thousands of such records grow as their product
 * (a security review's 14,000 records of one NIR took the server out of memory). A person rarely
 * holds more than a few dossiers; `passerelle status` names the persons over the limit.
 */
export const MAX_MATCHED_DOSSIERS = 100

const DAY_MS = 86_400_000
const MATCH_WINDOW_DAYS = 31

/** A stable key of a record, also used as the shared dossier id. */
export function recordKey(c: { partnerCode: string; recordId: string }): string {
  return `${c.partnerCode}:${c.recordId}`
}

function names(from: LinkCandidate, to: LinkCandidate): boolean {
  return from.sharedWith.some((r) => r.partner === to.partnerCode && r.id === to.recordId)
}

// "Failing that": a record whose declaration of a co-funder's record at a partner resolves is
// linked to that record only, never matched by rule to another record of the same partner; a
// declaration that names no known record falls back to the matching rule.
function declaresOtherAt(
  from: LinkCandidate,
  partnerCode: string,
  known: ReadonlyMap<string, LinkCandidate>,
): boolean {
  return from.sharedWith.some(
    (r) => r.partner === partnerCode && known.has(recordKey({ partnerCode: r.partner, recordId: r.id })),
  )
}

function matches(a: LinkCandidate, b: LinkCandidate): boolean {
  if (a.personKey !== b.personKey || a.siret !== b.siret) return false
  if (a.certificationCode !== b.certificationCode) return false
  const days = Math.abs(Date.parse(a.plannedStart) - Date.parse(b.plannedStart)) / DAY_MS
  return days <= MATCH_WINDOW_DAYS
}

/**
 * The links between candidates, each pair once, in a deterministic order. Declared links are
 * found through the records' keys and rule matches within each person, so the work grows with the
 * number of candidates, not with its square (a bulk batch relinks thousands of persons at once).
 */
export function findLinks(candidates: readonly LinkCandidate[]): Link[] {
  const sorted = [...candidates].sort((x, y) => recordKey(x).localeCompare(recordKey(y)))
  const byKey = new Map(sorted.map((c) => [recordKey(c), c]))
  const byPerson = new Map<string, LinkCandidate[]>()
  for (const c of sorted) {
    const list = byPerson.get(c.personKey)
    if (list) list.push(c)
    else byPerson.set(c.personKey, [c])
  }
  const pairs = new Map<string, Link>()
  const add = (x: LinkCandidate, y: LinkCandidate, reason: Link['reason']) => {
    const [a, b] = recordKey(x) < recordKey(y) ? [x, y] : [y, x]
    const key = `${recordKey(a)}\u0000${recordKey(b)}`
    if (!pairs.has(key)) pairs.set(key, { a, b, reason })
  }
  for (const a of sorted) {
    for (const ref of a.sharedWith) {
      const b = byKey.get(recordKey({ partnerCode: ref.partner, recordId: ref.id }))
      if (b && b.partnerId !== a.partnerId) add(a, b, 'declared')
    }
  }
  for (const group of byPerson.values()) {
    if (group.length > MAX_MATCHED_DOSSIERS) continue
    for (let i = 0; i < group.length; i++) {
      const a = group[i]!
      for (let j = i + 1; j < group.length; j++) {
        const b = group[j]!
        if (a.partnerId === b.partnerId || names(a, b) || names(b, a)) continue
        if (declaresOtherAt(a, b.partnerCode, byKey) || declaresOtherAt(b, a.partnerCode, byKey)) continue
        if (matches(a, b)) add(a, b, 'matched')
      }
    }
  }
  return [...pairs.entries()].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)).map(([, link]) => link)
}

/**
 * Groups linked records into shared dossiers (connected components). Returns each linked record's
 * shared dossier id: the smallest record key of its group, so the id does not depend on arrival order.
 */
export function groupLinks(links: readonly Link[]): Map<string, string> {
  const parent = new Map<string, string>()
  const find = (k: string): string => {
    let root = k
    while (parent.get(root) !== root) root = parent.get(root)!
    parent.set(k, root)
    return root
  }
  for (const { a, b } of links) {
    for (const k of [recordKey(a), recordKey(b)]) if (!parent.has(k)) parent.set(k, k)
    const [ra, rb] = [find(recordKey(a)), find(recordKey(b))]
    const [low, high] = ra < rb ? [ra, rb] : [rb, ra]
    if (low !== high) parent.set(high, low)
  }
  const groups = new Map<string, string>()
  for (const k of parent.keys()) groups.set(k, find(k))
  return groups
}
