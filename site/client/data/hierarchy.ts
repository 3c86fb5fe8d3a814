/**
 * Dimension hierarchies (`datasets/<slug>/hierarchies/<dimension>.csv`: `code,parent,label,niveau`):
 * labels for codes, and the codes a breakdown shows (a level, or the children of a code).
 */
import { TOTAL } from './published-table.ts'

/** One code of a dimension. */
export interface HierarchyNode {
  readonly code: string
  readonly parent: string
  readonly label: string
  /** Level name, e.g. `region`, `departement`, `annee`; `total` for `_T`. */
  readonly level: string
}

/** A dimension's codes in file order (parents before children, as publish writes them). */
export interface Hierarchy {
  readonly nodes: ReadonlyMap<string, HierarchyNode>
  /** Level names below the total, in order of first appearance (top level first). */
  readonly levels: readonly string[]
}

/** Splits one CSV line (RFC 4180 quotes, comma separator). */
export function splitCsvLine(line: string): string[] {
  const fields: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const c = line[i]
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      fields.push(field)
      field = ''
    } else field += c
  }
  fields.push(field)
  return fields
}

/**
 * Parses a hierarchy CSV. Labels never contain line breaks, so lines are records.
 * @example parseHierarchy('code,parent,label,niveau\n_T,,France,total\nR84,_T,ARA,region\n').levels // ['region']
 */
export function parseHierarchy(text: string): Hierarchy {
  const lines = text.split(/\r?\n/).filter((l) => l !== '')
  const header = splitCsvLine(lines[0] ?? '')
  const at = (name: string) => header.indexOf(name)
  const nodes = new Map<string, HierarchyNode>()
  const levels: string[] = []
  for (const line of lines.slice(1)) {
    const f = splitCsvLine(line)
    const code = f[at('code')] ?? ''
    const level = f[at('niveau')] ?? (code === TOTAL ? 'total' : 'code')
    nodes.set(code, { code, parent: f[at('parent')] ?? '', label: f[at('label')] ?? code, level })
    if (level !== 'total' && !levels.includes(level)) levels.push(level)
  }
  return { nodes, levels }
}

/** A hierarchy made of the codes alone, when a dimension has no hierarchy file. */
export function flatHierarchy(codes: Iterable<string>): Hierarchy {
  const nodes = new Map<string, HierarchyNode>()
  for (const code of codes) {
    const level = code === TOTAL ? 'total' : 'code'
    nodes.set(code, {
      code,
      parent: code === TOTAL ? '' : TOTAL,
      label: code === TOTAL ? 'Total' : code,
      level,
    })
  }
  return { nodes, levels: nodes.size > 1 ? ['code'] : [] }
}

/** The label of a code (the code itself when the hierarchy does not know it). */
export function labelOf(hierarchy: Hierarchy | undefined, code: string): string {
  return hierarchy?.nodes.get(code)?.label ?? code
}

/** True when `code` is `ancestor` or lies under it. */
export function isUnder(hierarchy: Hierarchy, code: string, ancestor: string): boolean {
  let current: string | undefined = code
  for (let guard = 0; current !== undefined && guard < 20; guard++) {
    if (current === ancestor) return true
    current = hierarchy.nodes.get(current)?.parent
  }
  return false
}

/**
 * The codes a breakdown shows, in hierarchy order: the codes at `level` under `within`, or without a
 * level the children of `within` (the top level when `within` is the total).
 */
export function breakdownCodes(hierarchy: Hierarchy, within: string, level?: string): string[] {
  const codes: string[] = []
  for (const node of hierarchy.nodes.values()) {
    if (level ? node.level === level && isUnder(hierarchy, node.code, within) : node.parent === within)
      codes.push(node.code)
  }
  return codes
}
