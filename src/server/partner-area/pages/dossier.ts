import { html } from 'hono/html'
import type { DossierView, RecordRef } from '../../../access/dossier.repository.ts'
import type { ReferentialNames } from '../../../access/referential-names.repository.ts'
import type { HorizonOutcome } from '../../../publish/indicators/employment.ts'
import {
  EXIT_REASON_LABELS,
  frDate,
  label,
  plural,
  RESULT_LABELS,
  STATUS_LABELS,
  timeElement,
} from '../format.ts'
import { count, type Html, page, wideTable } from '../layout.ts'
import { versionFields } from './version-fields.ts'

type SessionInfo = Parameters<typeof page>[2] & {}

const SHOWN = [
  'status',
  'dispositif',
  'plannedStart',
  'plannedEnd',
  'entryDate',
  'exitDate',
  'exitReason',
  'certificationCode',
  'certificationResult',
  'organismSiret',
  'committed',
  'funding',
  'version',
  'updatedAt',
] as const
const LABELS: Record<(typeof SHOWN)[number], string> = {
  status: 'Statut',
  dispositif: 'Dispositif',
  plannedStart: 'Début prévu',
  plannedEnd: 'Fin prévue',
  entryDate: 'Entrée',
  exitDate: 'Sortie',
  exitReason: 'Motif de sortie',
  certificationCode: 'Certification',
  certificationResult: 'Résultat',
  organismSiret: 'Organisme',
  committed: 'Montant engagé (€)',
  funding: 'Dont, par financeur (€)',
  version: 'Version',
  updatedAt: 'Modifié le',
}

type Shown = (typeof SHOWN)[number]
const DATES = new Set<Shown>(['plannedStart', 'plannedEnd', 'entryDate', 'exitDate'])
const CODES: Partial<Record<Shown, Readonly<Record<string, string>>>> = {
  status: STATUS_LABELS,
  exitReason: EXIT_REASON_LABELS,
  certificationResult: RESULT_LABELS,
}

const NO_NAMES: ReferentialNames = { certifications: new Map(), organisms: new Map() }

/**
 * One field of a contribution as a person reads it: dates in French, codes named, amounts grouped,
 * a certification with its title and an organism with its name when the referentials hold them.
 */
function cell(key: Shown, value: unknown, names: ReferentialNames): Html | string {
  if (value === null || value === undefined || value === '') return ''
  if (key === 'certificationCode') {
    const title = names.certifications.get(String(value))
    return title ? `${String(value)} — ${title}` : String(value)
  }
  if (key === 'organismSiret') {
    const name = names.organisms.get(String(value))
    return name ? `${name} (SIRET ${String(value)})` : `SIRET ${String(value)}`
  }
  if (key === 'updatedAt') return timeElement(String(value))
  if (DATES.has(key)) return frDate(String(value))
  const labels = CODES[key]
  if (labels) return label(labels, String(value))
  if (key === 'committed' && typeof value === 'number') return count(value)
  if (key === 'funding') return fundingLines(value)
  return String(value)
}

/**
 * A record's funding lines, `CDC 4 200 · R84 1 800`: its `committed` is the whole of them, other
 * funders' lines included, so the lines say who commits what (the contributions' amounts added up
 * would count a co-funded line twice).
 */
function fundingLines(value: unknown): string {
  if (!Array.isArray(value)) return ''
  return value
    .map((line: { funder?: unknown; committed?: unknown }) =>
      typeof line.committed === 'number'
        ? `${String(line.funder)} ${count(line.committed)}`
        : String(line.funder),
    )
    .join(' · ')
}

// The situation the API gives as `situation`: in training is told apart from without a salaried job.
const SITUATIONS: Readonly<Record<string, string>> = {
  emploi: 'en emploi salarié',
  en_formation: 'en formation (une autre formation couvre la date)',
  sans_emploi_salarie: 'sans emploi salarié déclaré',
}

/**
 * « selon le dossier ARA-1 de Région X » when an outcome comes from a co-funder's record: it may
 * differ from the caller's own record, shown as sent in the contributions above.
 */
function according(view: DossierView, from: RecordRef | null): string {
  if (!from) return ''
  const record = view.contributions.find((c) => c.partner.code === from.partner && c.id === from.id)
  if (!record || record.yours) return ''
  return ` (selon le dossier ${from.id} de ${record.partner.name})`
}

function horizon(label: string, o: HorizonOutcome): Html {
  if (!o.known) return html`<tr><th scope="row">${label}</th><td colspan="4">pas encore connu</td></tr>`
  const yes = (b: boolean) => (b ? 'oui' : 'non')
  return html`<tr><th scope="row">${label}</th><td>${SITUATIONS[o.situation] ?? o.situation}</td><td>${yes(o.salaried)}</td><td>${yes(o.lasting)}</td><td>${yes(o.access)}</td></tr>`
}

/**
 * A shared dossier: the person (the caller's own record), every contribution with its history, the
 * outcomes. The contributions' 15 columns are wider than a screen: they scroll in their own region,
 * focusable so that the keyboard scrolls it too, and the page itself keeps the window's width.
 */
export function dossierPage(
  session: SessionInfo,
  view: DossierView,
  names: ReferentialNames = NO_NAMES,
): Html {
  const p = view.person
  return page(
    `Dossier ${view.id}`,
    html`${p ? html`<h2>Personne</h2><p>${p.birthName}${p.usualName ? ` (${p.usualName})` : ''} ${p.firstNames}, ${p.sex === 'F' ? 'née' : p.sex === 'M' ? 'né' : 'née ou né'} le ${frDate(p.birthDate)}</p>` : ''}
<h2>Contributions des cofinanceurs</h2>
${wideTable(
  'contributions',
  view.sharedDossierId ? `Dossier partagé ${view.sharedDossierId}` : 'Dossier non partagé',
  html`<thead><tr><th>Partenaire</th><th>Dossier</th>${SHOWN.map((k) => html`<th>${LABELS[k]}</th>`)}</tr></thead>
<tbody>${view.contributions.map(
    (c) =>
      html`<tr><td>${c.partner.name}${c.yours ? ' (vous)' : ''}</td><td>${c.id}</td>${SHOWN.map((k) => html`<td${k === 'committed' || k === 'version' ? html` class="n"` : ''}>${cell(k, c.current[k], names)}</td>`)}</tr>`,
  )}</tbody>`,
)}
<h2>Historique</h2>
${view.contributions.map(
  (
    c,
  ) => html`<details><summary>${c.partner.name} — ${c.id} : ${plural(c.history.length, 'version', 'versions')}</summary>
<ol>${c.history.map((v) => html`<li>version ${v.version}, modifiée le ${timeElement(v.updatedAt)}, reçue le ${timeElement(v.receivedAt)}${versionFields(v.payload)}</li>`)}</ol></details>`,
)}
<h2>Résultats</h2>
<p>Certification : ${view.outcomes.certification ? label(RESULT_LABELS, view.outcomes.certification).toLowerCase() : 'résultat inconnu'}${according(view, view.outcomes.certificationFrom)}. Sortie : ${view.outcomes.exitDate ? `le ${frDate(view.outcomes.exitDate)}` : 'pas encore'}${according(view, view.outcomes.exitFrom)}.</p>
${
  view.outcomes.employment
    ? wideTable(
        'emploi',
        'Emploi salarié après la sortie (DSN)',
        html`<thead><tr><th>Horizon</th><th>Situation</th><th>En emploi salarié</th><th>Emploi durable</th><th>Accès à l’emploi</th></tr></thead>
<tbody>${horizon('6 mois', view.outcomes.employment['6'])}${horizon('12 mois', view.outcomes.employment['12'])}</tbody>`,
      )
    : ''
}`,
    session,
  )
}
