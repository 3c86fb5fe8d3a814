import { catalogueSpec } from './catalogue.ts'
import { certificationsSpec } from './certifications.ts'
import { dsnSpec } from './dsn.ts'
import type { ReferentialKind } from './kinds.ts'
import { organismsSpec } from './organisms.ts'
import { sngiSpec } from './sngi.ts'
import type { ReferentialSpec } from './spec.ts'

/** Every referential kind's format and table. */
export const referentialSpecs: Readonly<Record<ReferentialKind, ReferentialSpec>> = {
  organisms: organismsSpec,
  certifications: certificationsSpec,
  catalogue: catalogueSpec,
  sngi: sngiSpec,
  dsn: dsnSpec,
}
