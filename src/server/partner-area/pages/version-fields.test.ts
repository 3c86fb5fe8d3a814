import { raw } from 'hono/html'
import { describe, expect, it } from 'vitest'
import { exampleDossier } from '../../../../test/fixtures.ts'
import { page } from '../layout.ts'
import { mainText } from './test-text.ts'
import { fieldLabel, versionFields } from './version-fields.ts'

// A stored version holds no clear identity (ingest/rows.ts strippedPayload).
function storedVersion(): Record<string, any> {
  const raw = exampleDossier()
  const { nir: _n, birthName: _b, usualName: _u, firstNames: _f, ...trainee } = raw.trainee
  return { ...raw, trainee }
}

// A nested list starts a line of its own, as a browser shows it.
const shown = async (payload: unknown) =>
  mainText(raw(String(await page('v', versionFields(payload))).replace(/<(ul|ol)>/g, '<br><$1>')))

describe('versionFields(payload)', () => {
  it('shows a version as a French list of the spec’s fields, nested lists for objects and arrays, and the JSON folded', async () => {
    const payload = storedVersion()
    expect(await shown(payload)).toEqual([
      'v',
      'Type d’enregistrement : dossier',
      'Identifiant : CPF-2024-000123',
      'Version : 1',
      'Modifié le : 01/03/2024 10:00',
      'Dispositif : CPF',
      'Statut : Sorti de formation',
      'Stagiaire :',
      'Date de naissance : 14/05/1985',
      'Sexe : F',
      'Commune de résidence : 69123',
      'Quartier prioritaire (QPV) : non renseigné',
      'Statut à l’entrée : Demandeur d’emploi indemnisé (ARE)',
      'Formation :',
      'Intitulé : Titre professionnel Développeur web',
      'Certification :',
      'Type : RNCP',
      'Code : RNCP37674',
      'Niveau : 5',
      'Formacodes :',
      '31054',
      'Groupe de spécialité (NSF) : 326',
      'Organisme :',
      'SIRET : 98765432100015',
      'Numéro de déclaration d’activité : 11755406975',
      'Commune du lieu de formation : 75056',
      'Modalité : MIXTE',
      'Début prévu : 08/01/2024',
      'Fin prévue : 28/06/2024',
      'Heures prévues : 700',
      'Entrée :',
      'Date : 08/01/2024',
      'Sortie :',
      'Date : 28/06/2024',
      'Motif : Fin de parcours',
      'Heures réalisées : 690',
      'Résultat de la certification : Obtenue',
      'Financements :',
      'Financeur : CDC',
      'Engagé (€) : 4 200',
      'Payé (€) : 4 200',
      'Financeur : R84',
      'Engagé (€) : 1 800',
      'Payé (€) : non renseigné',
      'Rémunération du stagiaire (€) : non renseigné',
      'Partagé avec :',
      'Partenaire : R84',
      'Son dossier : ARA-PRF-778',
      'JSON reçu (sans l’identité en clair)',
      ...JSON.stringify(payload, null, 2)
        .split('\n')
        .map((l) => l.replace(/\s+/g, ' ').trim()),
    ])
  })

  it('names a field the spec lacks by its own name, and says when an array or an object is empty', async () => {
    const text = await shown({ status: 'ANNULE', extra: { note: true }, funding: [], trainee: {} })
    expect(text.slice(1, 7)).toEqual([
      'Statut : Annulé',
      'extra :',
      'note : oui',
      'Financements : aucun',
      'Stagiaire : aucun champ',
      'JSON reçu (sans l’identité en clair)',
    ])
  })

  it('labels the person’s fields under a dossier’s trainee and a CEP’s beneficiary alike', () => {
    expect(
      ['trainee.birthDate', 'beneficiary.birthDate', 'beneficiary.residenceCommune'].map(fieldLabel),
    ).toEqual(['Date de naissance', 'Date de naissance', 'Commune de résidence'])
  })
})
