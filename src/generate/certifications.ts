/**
 * The synthetic RNCP/RS register (`certifications.csv`): codes, titles, levels 3–8 for RNCP, NSF
 * groups, validity dates; and the trainings that certify nothing registered (AUTRE, AUCUNE).
 * @module
 */
import { dayOf } from './dates.ts'
import { Categorical, type Random, WeightedSampler } from './random.ts'

/** One registered certification. */
export interface Certification {
  readonly code: string
  readonly type: 'RNCP' | 'RS'
  readonly title: string
  readonly level: number | null
  readonly nsf: string
  readonly formacode: string
  readonly activeFrom: number
  readonly activeTo: number | null
}

/** The register and its popularity samplers (Zipf-like: a few certifications take most dossiers). */
export interface CertificationRegister {
  readonly all: readonly Certification[]
  readonly rncp: readonly Certification[]
  readonly rs: readonly Certification[]
  readonly rncpSampler: WeightedSampler
  readonly rsSampler: WeightedSampler
}

/** Jobs and their NSF group, for titles. */
const trades: readonly (readonly [string, string])[] = [
  ['Développeur web et web mobile', '326'],
  ['Technicien supérieur systèmes et réseaux', '326'],
  ['Secrétaire assistant', '324'],
  ['Assistant comptable', '314'],
  ['Gestionnaire de paie', '315'],
  ['Conseiller de vente', '312'],
  ['Manager d’unité marchande', '312'],
  ['Négociateur technico-commercial', '312'],
  ['Agent de propreté et d’hygiène', '343'],
  ['Assistant de vie aux familles', '330'],
  ['Aide-soignant', '331'],
  ['Accompagnant éducatif et social', '332'],
  ['Moniteur éducateur', '332'],
  ['Conducteur du transport routier de marchandises', '311'],
  ['Conducteur de transport en commun sur route', '311'],
  ['Agent magasinier', '311'],
  ['Préparateur de commandes', '311'],
  ['Cuisinier', '334'],
  ['Serveur en restauration', '334'],
  ['Réceptionniste en hôtellerie', '334'],
  ['Maçon', '232'],
  ['Électricien d’équipement du bâtiment', '255'],
  ['Plombier chauffagiste', '227'],
  ['Menuisier agenceur', '234'],
  ['Peintre en bâtiment', '233'],
  ['Soudeur assembleur industriel', '254'],
  ['Technicien de maintenance industrielle', '250'],
  ['Mécanicien automobile', '252'],
  ['Agent de sûreté et de sécurité privée', '344'],
  ['Coiffeur', '336'],
  ['Esthéticien cosméticien', '336'],
  ['Ouvrier du paysage', '214'],
  ['Responsable d’exploitation agricole', '210'],
  ['Boulanger', '221'],
  ['Boucher', '221'],
  ['Chargé de communication', '320'],
  ['Graphiste', '322'],
  ['Formateur professionnel d’adultes', '333'],
  ['Gestionnaire en ressources humaines', '315'],
  ['Chef de projet informatique', '326'],
  ['Infirmier', '331'],
  ['Ingénieur en génie industriel', '200'],
  ['Juriste d’entreprise', '128'],
  ['Chargé d’affaires immobilières', '313'],
]

/** Skills registered in the specific register (RS). */
const skills: readonly (readonly [string, string])[] = [
  ['Tests de compétences en bureautique (Excel)', '326'],
  ['Certificat CléA', '415'],
  ['Habilitation électrique', '255'],
  ['Conduite en sécurité de chariots élévateurs (CACES R489)', '311'],
  ['Anglais professionnel', '136'],
  ['Français langue étrangère', '136'],
  ['Sauveteur secouriste du travail', '344'],
  ['Management d’équipe', '310'],
  ['Gestion de projet agile', '310'],
  ['Création et reprise d’entreprise', '310'],
  ['Marketing digital', '312'],
  ['Langue des signes française', '136'],
  ['Certification Voltaire', '136'],
  ['Pratique de la comptabilité', '314'],
  ['Accompagnement des personnes âgées', '330'],
  ['Hygiène alimentaire en restauration', '221'],
]

/** Titles of trainings with another kind of certification (AUTRE), e.g. licences and CQP. */
export const otherTitles: readonly (readonly [string, string])[] = [
  ['Permis de conduire catégorie B', '311'],
  ['Permis C poids lourd', '311'],
  ['FIMO marchandises', '311'],
  ['CQP Agent de prévention et de sécurité', '344'],
  ['CQP Technicien de maintenance', '250'],
  ['Attestation de formation SST', '344'],
  ['Diplôme d’université', '100'],
  ['Préparation au TOEIC', '136'],
]

/** Titles of trainings that certify nothing (AUCUNE). */
export const uncertifiedTitles: readonly (readonly [string, string])[] = [
  ['Remise à niveau savoirs de base', '415'],
  ['Adaptation au poste de travail', '310'],
  ['Préparation opérationnelle à l’emploi', '310'],
  ['Bureautique et outils numériques', '326'],
  ['Sécurité au travail', '344'],
  ['Prévention des risques liés à l’activité physique', '344'],
  ['Dispositif d’accès à la qualification', '415'],
  ['Savoirs numériques fondamentaux', '326'],
]

const levels = new Categorical<number>([
  [3, 22],
  [4, 20],
  [5, 25],
  [6, 18],
  [7, 13],
  [8, 2],
])

function prefixFor(level: number): string {
  if (level === 3) return 'Titre professionnel'
  if (level === 4) return 'Brevet professionnel'
  if (level === 5) return 'BTS'
  if (level === 6) return 'Licence professionnelle'
  if (level === 7) return 'Master'
  return 'Doctorat'
}

/** A Zipf-like weight for a popularity rank. */
export function zipf(rank: number, exponent: number, offset = 1): number {
  return 1 / (rank + offset) ** exponent
}

/** Builds `count` certifications (≈ 55 % RNCP, 45 % RS) with unique codes. */
export function buildCertifications(
  rng: Random,
  count: number,
  nsfGroups: readonly string[],
): CertificationRegister {
  const rncp: Certification[] = []
  const rs: Certification[] = []
  let rncpCode = 30000 + rng.int(500)
  let rsCode = 5000 + rng.int(100)
  for (let i = 0; i < count; i++) {
    const activeFrom = dayOf(2015 + rng.int(10), 1 + rng.int(12), 1 + rng.int(28))
    const activeTo = rng.chance(0.3) ? null : activeFrom + 365 * (3 + rng.int(3)) + rng.int(200)
    const formacode = String(11000 + rng.int(35000))
    const isRncp = i === 0 ? true : i === 1 ? false : rng.chance(0.55)
    if (isRncp) {
      const [trade, tradeNsf] = rng.chance(0.8)
        ? rng.pick(trades)
        : (['Spécialiste', rng.pick(nsfGroups)] as const)
      const level = levels.pick(rng)
      rncpCode += 1 + rng.int(12)
      const n = rncp.length
      rncp.push({
        code: `RNCP${rncpCode}`,
        type: 'RNCP',
        title: `${prefixFor(level)} ${trade}${n >= trades.length ? ` (${n})` : ''}`,
        level,
        nsf: tradeNsf,
        formacode,
        activeFrom,
        activeTo,
      })
    } else {
      const [skill, skillNsf] = rng.pick(skills)
      rsCode += 1 + rng.int(6)
      const n = rs.length
      rs.push({
        code: `RS${rsCode}`,
        type: 'RS',
        title: `${skill}${n >= skills.length ? ` (${n})` : ''}`,
        level: null,
        nsf: skillNsf,
        formacode,
        activeFrom,
        activeTo,
      })
    }
  }
  return {
    all: [...rncp, ...rs].sort((a, b) => (a.code < b.code ? -1 : 1)),
    rncp,
    rs,
    rncpSampler: new WeightedSampler(rncp.map((_, i) => zipf(i, 1.05, 3))),
    rsSampler: new WeightedSampler(rs.map((_, i) => zipf(i, 1.1, 2))),
  }
}
