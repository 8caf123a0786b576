import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

import { DEFAULT_PERSONAS_DIR } from '../config/schema.js'
import { temporaryFolders } from '../testing/temporary-folders.js'
import { loadPersonas, PersonaFileError } from './persona-registry.js'

const temporaryFolder = temporaryFolders('smartsteps-personas-')

function folderWith(files: Record<string, string>): string {
  const folder = temporaryFolder()

  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(folder, name), content)
  }

  return folder
}

const morgan = () =>
  JSON.parse(readFileSync(join(DEFAULT_PERSONAS_DIR, 'dr_morgan_hayes.json'), 'utf8'))

describe('loadPersonas', () => {
  it('loads the shipped personas', () => {
    const ids = loadPersonas(DEFAULT_PERSONAS_DIR).map((persona) => persona.persona_id)

    expect(ids).toEqual(expect.arrayContaining(['dr_morgan_hayes', 'dr_alex_rivera']))
  })

  it('names the file and the field of an invalid persona', () => {
    const broken = {
      ...morgan(),
      communication_style: { ...morgan().communication_style, warmth: 3 },
    }
    const folder = folderWith({ 'dr_morgan_hayes.json': JSON.stringify(broken) })

    expect(() => loadPersonas(folder)).toThrowError(PersonaFileError)
    expect(() => loadPersonas(folder)).toThrowError(
      /dr_morgan_hayes\.json[\s\S]*communication_style\.warmth/,
    )
  })

  it('requires a guide for every technique', () => {
    const persona = morgan()
    persona.techniques = [...persona.techniques, 'hypnosis']
    const folder = folderWith({ 'dr_morgan_hayes.json': JSON.stringify(persona) })

    expect(() => loadPersonas(folder)).toThrowError(/technique_guides\.hypnosis/)
  })

  it('rejects JSON syntax errors, a mismatched file name and an empty folder', () => {
    expect(() => loadPersonas(folderWith({ 'x_y_z.json': '{' }))).toThrowError(
      /x_y_z\.json[\s\S]*not readable JSON/,
    )
    expect(() =>
      loadPersonas(folderWith({ 'other_name.json': JSON.stringify(morgan()) })),
    ).toThrowError(/must equal the file name/)
    expect(() => loadPersonas(folderWith({}))).toThrowError(/no \*\.json file/)
  })
})
