import { html } from 'hono/html'
import {
  EXIT_REASON_LABELS,
  frDate,
  label,
  RESULT_LABELS,
  STATUS_AT_ENTRY_LABELS,
  STATUS_LABELS,
  timeElement,
} from '../format.ts'
import type { Html } from '../layout.ts'

/**
 * The fields of the exchange format (spec v1: dossier and CEP records), named in French, by their
 * path in a record: `training.plannedStart`, `funding[].committed` (`[]`: any item of an array).
 * A field the list lacks is shown under its own name.
 */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  type: 'Type d’enregistrement',
  id: 'Identifiant',
  version: 'Version',
  updatedAt: 'Modifié le',
  dispositif: 'Dispositif',
  status: 'Statut',
  sharedWith: 'Partagé avec',
  'sharedWith[].partner': 'Partenaire',
  'sharedWith[].id': 'Son dossier',
  trainee: 'Stagiaire',
  beneficiary: 'Bénéficiaire',
  statusAtEntry: 'Statut à l’entrée',
  training: 'Formation',
  'training.title': 'Intitulé',
  'training.offerRef': 'Référence de l’offre',
  'training.certification': 'Certification',
  'training.certification.type': 'Type',
  'training.certification.code': 'Code',
  'training.certification.level': 'Niveau',
  'training.formacode': 'Formacodes',
  'training.nsf': 'Groupe de spécialité (NSF)',
  'training.organism': 'Organisme',
  'training.organism.siret': 'SIRET',
  'training.organism.nda': 'Numéro de déclaration d’activité',
  'training.placeCommune': 'Commune du lieu de formation',
  'training.modality': 'Modalité',
  'training.plannedStart': 'Début prévu',
  'training.plannedEnd': 'Fin prévue',
  'training.plannedHours': 'Heures prévues',
  entry: 'Entrée',
  'entry.date': 'Date',
  exit: 'Sortie',
  'exit.date': 'Date',
  'exit.reason': 'Motif',
  'exit.hoursCompleted': 'Heures réalisées',
  certificationResult: 'Résultat de la certification',
  funding: 'Financements',
  'funding[].funder': 'Financeur',
  'funding[].committed': 'Engagé (€)',
  'funding[].paid': 'Payé (€)',
  'funding[].traineePay': 'Rémunération du stagiaire (€)',
  start: 'Début',
  end: 'Fin',
  level: 'Niveau d’accompagnement',
  endReason: 'Motif de fin',
  projectType: 'Type de projet',
  interviews: 'Entretiens',
  cancelled: 'Annulé',
}

// The person's fields, under `trainee` (dossier) or `beneficiary` (CEP). The clear identity (NIR,
// names) is not in a stored version; it is named here should an older version hold it.
const PERSON_LABELS: Readonly<Record<string, string>> = {
  nir: 'NIR',
  birthName: 'Nom de naissance',
  usualName: 'Nom d’usage',
  firstNames: 'Prénoms',
  birthDate: 'Date de naissance',
  sex: 'Sexe',
  residenceCommune: 'Commune de résidence',
  qpv: 'Quartier prioritaire (QPV)',
  educationLevel: 'Niveau de formation',
  disability: 'Travailleur handicapé (RQTH, BOETH)',
}

const CODE_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  status: STATUS_LABELS,
  statusAtEntry: STATUS_AT_ENTRY_LABELS,
  'exit.reason': EXIT_REASON_LABELS,
  certificationResult: RESULT_LABELS,
}

/** The French name of the field at `path` (see FIELD_LABELS), or its own name. */
export function fieldLabel(path: string): string {
  const person = /^(?:trainee|beneficiary)\.([A-Za-z]+)$/.exec(path)?.[1]
  if (person !== undefined && PERSON_LABELS[person]) return PERSON_LABELS[person]
  return FIELD_LABELS[path] ?? path.slice(path.lastIndexOf('.') + 1).replace(/\[\]$/, '')
}

const DATE = /^\d{4}-\d{2}-\d{2}$/
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/
// Deeper than any record of the format: past it a value is shown as JSON, not walked further.
const MAX_DEPTH = 8

function scalar(path: string, value: unknown): Html | string {
  if (value === null || value === undefined) return 'non renseigné'
  if (typeof value === 'boolean') return value ? 'oui' : 'non'
  if (typeof value === 'number') return value.toLocaleString('fr-FR')
  if (typeof value !== 'string') return JSON.stringify(value)
  const labels = CODE_LABELS[path]
  if (labels) return label(labels, value)
  if (DATE.test(value)) return frDate(value)
  if (INSTANT.test(value)) return timeElement(value)
  return value
}

function item(path: string, value: unknown, depth: number): Html {
  const name = fieldLabel(path)
  if (Array.isArray(value) || (typeof value === 'object' && value !== null))
    return html`<li>${name} :${fields(path, value, depth + 1)}</li>`
  return html`<li>${name} : ${scalar(path, value)}</li>`
}

function fields(path: string, value: object, depth: number): Html {
  if (depth > MAX_DEPTH) return html` <code>${JSON.stringify(value)}</code>`
  if (Array.isArray(value)) {
    if (value.length === 0) return html` aucun`
    const itemPath = `${path}[]`
    return html`<ol>${value.map((v) =>
      Array.isArray(v) || (typeof v === 'object' && v !== null)
        ? html`<li>${fields(itemPath, v, depth + 1)}</li>`
        : html`<li>${scalar(itemPath, v)}</li>`,
    )}</ol>`
  }
  const entries = Object.entries(value)
  if (entries.length === 0) return html` aucun champ`
  return html`<ul>${entries.map(([k, v]) => item(path ? `${path}.${k}` : k, v, depth))}</ul>`
}

/**
 * A version of a record as a person reads it: its fields as a French list, nested objects and
 * arrays as nested lists, dates the French way and codes named, then the JSON as it was received
 * (folded), for whoever compares it with what their system sent.
 */
export function versionFields(payload: unknown): Html {
  const list =
    typeof payload === 'object' && payload !== null
      ? fields('', payload, 0)
      : html`<p>${scalar('', payload)}</p>`
  return html`<div class="version">${list}
<details><summary>JSON reçu (sans l’identité en clair)</summary><pre>${JSON.stringify(payload, null, 2)}</pre></details></div>`
}
