import { readFileSync } from 'node:fs'

import { PersonaFileSchema } from '@smartsteps/contracts'
import { describe, expect, it } from 'vitest'

import { rankTechniques } from '../../language/index.js'
import { PERSONAS_DIR, personaFileNames } from './test-support.js'
import { techniqueNote } from './technique-notes.js'

const files = personaFileNames()

describe('persona files', () => {
  it('include the four shipped personas', () => {
    expect(files.sort()).toEqual(
      expect.arrayContaining([
        'dr_alex_rivera.json',
        'dr_jordan_chen.json',
        'dr_morgan_hayes.json',
        'dr_taylor_williams.json',
      ]),
    )
  })

  describe.each(files)('%s', (name) => {
    const document = JSON.parse(readFileSync(`${PERSONAS_DIR}${name}`, 'utf8'))

    it('parses with PersonaFileSchema and is named after its id', () => {
      const parsed = PersonaFileSchema.parse(document)

      expect(`${parsed.persona_id}.json`).toBe(name)
    })

    it('gives every technique at least two suggestions', () => {
      for (const technique of document.techniques) {
        expect(document.technique_guides[technique].length).toBeGreaterThanOrEqual(2)
      }
    })

    it('uses a local avatar', () => {
      expect(document.avatar_url).toMatch(/^\/static\/avatars\/[a-z_]+\.svg$/)
    })

    it('names techniques the engine can place and explain', () => {
      for (const technique of document.techniques) {
        const concerns = { depression: 1, sadness: 1, anxiety: 1, fear: 1, anger: 1, shame: 1 }
        const [ranked] = rankTechniques([technique], concerns, {})

        expect(ranked!.fit).toBeGreaterThan(0.1)
        expect(techniqueNote(technique)).not.toBeNull()
      }
    })
  })
})
