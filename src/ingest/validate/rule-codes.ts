/**
 * Every finding code validation can produce, with a one-line description: the operator's status
 * command and the documentation list them. Codes are stable: partners may match on them.
 */
export const ruleCodes: Readonly<Record<string, string>> = Object.freeze({
  'record/not-an-object': 'the record is not a JSON object',
  'record/unknown-type': 'type is missing or is neither "dossier" nor "cep"; nothing else is checked',
  'record/required': 'a required field is missing',
  'record/type': 'a field has the wrong JSON type',
  'record/pattern': 'a string does not match the pattern of its field',
  'record/enum': 'a value is not one of the values allowed for its field',
  'record/const': 'a value differs from the only value allowed for its field',
  'record/format': 'a date or date-time is not valid (YYYY-MM-DD; RFC 3339 with an offset)',
  'record/additional-property': 'a field that the schema does not define',
  'record/too-long': 'a string is longer than its field allows',
  'record/too-short': 'a string is shorter than its field allows',
  'record/minimum': 'a number is below the minimum of its field',
  'record/maximum': 'a number is above the maximum of its field',
  'record/too-many-items': 'a list has more items than its field allows',
  'record/too-few-items': 'a list has fewer items than its field requires',
  'record/schema': 'any other JSON Schema violation',
  'record/date-before-1900': 'a date is before 1900-01-01',
  'record/date-too-far': "a date is more than 2 years after the hub's date",
  'dossier/planned-end-before-start': 'training.plannedEnd is before training.plannedStart',
  'dossier/entry-required': 'entry is missing while status is ENTRE or SORTI',
  'dossier/exit-required': 'exit is missing while status is SORTI',
  'dossier/exit-before-entry': 'exit.date is before entry.date',
  'dossier/certification-code-required': 'certification code is missing while its type is RNCP or RS',
  'dossier/certification-code-prefix': 'certification code does not start with its type (RNCP or RS)',
  'cep/end-reason-required': 'endReason is missing while the CEP period has an end',
  'cep/end-before-start': 'end is before start',
  'person/age-out-of-range':
    'birthDate gives an age outside 14–90 at training.plannedStart (dossier) or start (cep)',
  'person/invalid-nir-key': 'the key of a 15-character NIR is not 97 − (NIR13 mod 97)',
  'organism/invalid-siret': 'the organism SIRET fails the Luhn check (La Poste: digit sum divisible by 5)',
  'code/unknown-dispositif': 'dispositif is not in reference/codes/dispositifs.csv',
  'code/unknown-status-at-entry': 'statusAtEntry is not in reference/codes/statuts_stagiaire.csv',
  'code/unknown-commune': 'residenceCommune or placeCommune is not an INSEE commune code',
  'code/unknown-nsf': 'nsf is not a known NSF group (with an optional known letter)',
  'code/unknown-certification-level':
    'certification level or educationLevel is not in reference/codes/niveaux_certification.csv',
})
