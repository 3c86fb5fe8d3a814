import { readdir } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { codesDir, readCodeList } from './code-lists.ts'

describe('readCodeList', () => {
  it('reads the whole descriptor of levels 1 and 2, whose RNCP note holds a comma', async () => {
    const levels = await readCodeList('niveaux_certification.csv')
    expect(levels.slice(0, 2)).toEqual([
      {
        niveau: '1',
        code_lheo: '11',
        ancien_niveau_1969: '',
        exemples: '',
        enregistrable_rncp: 'non en pratique (niveaux 1-2 : socle, ex. CléA au RS)',
        descripteur: 'Maîtrise des savoirs de base',
      },
      {
        niveau: '2',
        code_lheo: '12',
        ancien_niveau_1969: '',
        exemples: '',
        enregistrable_rncp: 'non en pratique (niveaux 1-2 : socle, ex. CléA au RS)',
        descripteur:
          "Capacité à effectuer des activités simples et résoudre des problèmes courants à l'aide de règles et d'outils simples en mobilisant des savoir-faire professionnels dans un contexte structuré",
      },
    ])
  })

  it('reads every shipped list, each line with as many fields as its header', async () => {
    const files = (await readdir(codesDir)).filter((f) => f.endsWith('.csv')).sort()
    const read = await Promise.all(files.map((f) => readCodeList(f).then((rows) => [f, rows.length > 0])))
    expect(read).toEqual(files.map((f) => [f, true]))
  })
})
