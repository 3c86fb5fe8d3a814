import { html } from 'hono/html'
import type { Flagged, ReferentialFlags } from '../../../access/referential-flags.repository.ts'
import { frDate, plural } from '../format.ts'
import { dossierLink, type Html } from '../layout.ts'

const first = (n: number) => (n > 1 ? `Les ${n} premiers` : 'Le premier')

// One check: its verdict in a sentence, then the first dossiers it flags, each with what it found.
function check<T extends { id: string }>(
  title: string,
  referential: string,
  flagged: Flagged<T> | null,
  sentence: (count: number) => string,
  detail: (item: T) => string,
): Html {
  const body =
    flagged === null
      ? html`<p>${referential} n’est pas chargé dans le hub : ce contrôle attend son premier chargement.</p>`
      : flagged.count === 0
        ? html`<p>Aucun de vos dossiers.</p>`
        : html`<p>${sentence(flagged.count)}${flagged.count > flagged.sample.length ? ` ${first(flagged.sample.length)}, par identifiant :` : ''}</p>
<ul>${flagged.sample.map((item) => html`<li>${dossierLink(item.id)} : ${detail(item)}</li>`)}</ul>`
  return html`<h3>${title}</h3>
${body}`
}

// A certification's registration period, as the register gives it.
function validity(from: string | null, to: string | null): string {
  if (from && to) return `enregistrée du ${frDate(from)} au ${frDate(to)}`
  if (from) return `enregistrée depuis le ${frDate(from)}`
  return to ? `enregistrée jusqu’au ${frDate(to)}` : 'sans période'
}

/** What the catalogue and the organisms referential flag in the partner's dossiers (spec, "Referentials"). */
export function referentialFlagsSection(flags: ReferentialFlags): Html {
  return html`<h2>Offres, organismes et certifications</h2>
<p>Vos dossiers, dans leur dernière version, comparés au catalogue des offres de formation, au référentiel des organismes et au répertoire des certifications chargés dans le hub.</p>
${check(
  'Offres inconnues du catalogue',
  'Le catalogue des offres',
  flags.unknownOffer,
  (n) => `${plural(n, 'dossier cite', 'dossiers citent')} une offre que le catalogue ne connaît pas.`,
  (o) => `offre ${o.offerRef}`,
)}
${check(
  'Organisme différent de celui de l’offre',
  'Le catalogue des offres',
  flags.offerOrganismDiffers,
  (n) =>
    `${plural(n, 'dossier cite', 'dossiers citent')} une offre du catalogue avec un autre organisme que celui du catalogue.`,
  (o) => `offre ${o.offerRef}, organisme ${o.siret} (catalogue : ${o.catalogueSiret})`,
)}
${check(
  'Organismes inconnus du référentiel',
  'Le référentiel des organismes',
  flags.unknownSiret,
  (n) =>
    `${plural(n, 'dossier cite', 'dossiers citent')} un SIRET d’organisme que le référentiel ne connaît pas.`,
  (o) => `SIRET ${o.siret}`,
)}
${check(
  'NDA différent de celui du référentiel',
  'Le référentiel des organismes',
  flags.ndaDiffers,
  (n) =>
    `${plural(n, 'dossier donne', 'dossiers donnent')} pour un organisme connu un numéro de déclaration d’activité (NDA) que le référentiel ne lui connaît pas.`,
  (o) => `SIRET ${o.siret}, NDA ${o.nda} (référentiel : ${o.referentialNda ?? 'aucun'})`,
)}
${check(
  'Certifications inconnues du répertoire',
  'Le répertoire des certifications (RNCP, RS)',
  flags.unknownCertification,
  (n) =>
    `${plural(n, 'dossier vise', 'dossiers visent')} une certification que le répertoire chargé ne connaît pas.`,
  (o) => `certification ${o.code}`,
)}
${check(
  'Certifications hors de leur période d’enregistrement',
  'Le répertoire des certifications (RNCP, RS)',
  flags.inactiveCertification,
  (n) =>
    `${plural(n, 'dossier vise', 'dossiers visent')} une certification qui n’était pas enregistrée au répertoire à la date d’entrée en formation (ou, à défaut, de début prévu).`,
  (o) => `certification ${o.code}, début le ${frDate(o.start)} (${validity(o.activeFrom, o.activeTo)})`,
)}`
}
