import { readdirSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'

import {
  type Persona,
  type PersonaFile,
  PersonaFileSchema,
  type PersonaSummary,
} from '@smartsteps/contracts'

import { notFound } from '../domain/errors.js'

export class PersonaFileError extends Error {
  constructor(file: string, problems: string[]) {
    super(
      `Invalid persona file ${file}:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`,
    )
    this.name = 'PersonaFileError'
  }
}

/**
 * Reads every `*.json` file of the folder as a persona definition. Any invalid file stops the
 * start, naming the file and the field, because a half-loaded persona set would surprise
 * facilitators mid-session.
 */
export function loadPersonas(folder: string): PersonaFile[] {
  let names: string[]

  try {
    names = readdirSync(folder)
      .filter((name) => name.endsWith('.json'))
      .sort()
  } catch (error) {
    throw new PersonaFileError(folder, [
      `cannot read the persona folder: ${(error as Error).message}`,
    ])
  }

  if (names.length === 0) {
    throw new PersonaFileError(folder, ['the persona folder holds no *.json file'])
  }

  const personas = names.map((name) => parsePersonaFile(join(folder, name)))
  const seen = new Set<string>()

  for (const persona of personas) {
    if (seen.has(persona.persona_id)) {
      throw new PersonaFileError(folder, [`persona_id ${persona.persona_id} is defined twice`])
    }

    seen.add(persona.persona_id)
  }

  return personas
}

function parsePersonaFile(file: string): PersonaFile {
  let document: unknown

  try {
    document = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    throw new PersonaFileError(file, [`not readable JSON: ${(error as Error).message}`])
  }

  const parsed = PersonaFileSchema.safeParse(document)

  if (!parsed.success) {
    throw new PersonaFileError(
      file,
      parsed.error.issues.map((issue) => {
        const keys = 'keys' in issue ? ` (${(issue.keys as string[]).join(', ')})` : ''
        return `${issue.path.join('.') || '(top level)'}: ${issue.message}${keys}`
      }),
    )
  }

  const expectedId = basename(file, '.json')

  if (parsed.data.persona_id !== expectedId) {
    throw new PersonaFileError(file, [`persona_id: must equal the file name "${expectedId}"`])
  }

  return parsed.data
}

export function toPersona(file: PersonaFile): Persona {
  const { technique_guides: _guides, ...persona } = file
  return persona
}

export function toPersonaSummary(file: PersonaFile): PersonaSummary {
  const { persona_id, name, type, specialization, description } = file
  return { persona_id, name, type, specialization, description }
}

export function createPersonaRegistry(personas: PersonaFile[]) {
  const byId = new Map(personas.map((persona) => [persona.persona_id, persona]))

  return {
    list: () => personas,
    find: (personaId: string) => byId.get(personaId),
    get(personaId: string): PersonaFile {
      const persona = byId.get(personaId)

      if (!persona) {
        throw notFound('Persona')
      }

      return persona
    },
  }
}

export type PersonaRegistry = ReturnType<typeof createPersonaRegistry>
