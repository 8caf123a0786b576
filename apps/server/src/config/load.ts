import { readFileSync } from 'node:fs'

import { parse as parseYaml } from 'yaml'
import type { z } from 'zod'

import { type Config, ConfigSchema } from './schema.js'

export class ConfigError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ConfigError'
  }
}

/** Environment variables that override the file, each mapped to its key path. */
const ENV_OVERRIDES: Array<[variable: string, path: string[], kind: 'string' | 'number']> = [
  ['SMARTSTEPS_HOST', ['server', 'host'], 'string'],
  ['SMARTSTEPS_PORT', ['server', 'port'], 'number'],
  ['SMARTSTEPS_DATA_DIR', ['storage', 'path'], 'string'],
  ['SMARTSTEPS_JWT_SECRET', ['security', 'jwt', 'secret'], 'string'],
  ['SMARTSTEPS_PERSONAS_DIR', ['personas', 'path'], 'string'],
  ['SMARTSTEPS_LOG_LEVEL', ['logging', 'level'], 'string'],
]

/**
 * Reads the YAML file (when given), applies environment overrides and validates the result.
 * Every problem is reported at once, each with the key path it concerns.
 */
export function loadConfig(options: { file?: string; env?: NodeJS.ProcessEnv } = {}): Config {
  const raw = options.file ? readYamlFile(options.file) : {}

  applyEnvironment(raw, options.env ?? process.env)

  const parsed = ConfigSchema.safeParse(raw)

  if (!parsed.success) {
    const source = options.file ? `config file ${options.file}` : 'configuration'
    throw new ConfigError(`Invalid ${source}:\n${formatIssues(parsed.error)}`)
  }

  return parsed.data
}

function readYamlFile(file: string): Record<string, unknown> {
  let text: string

  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    throw new ConfigError(`Cannot read config file ${file}: ${(error as Error).message}`)
  }

  let document: unknown

  try {
    document = parseYaml(text)
  } catch (error) {
    throw new ConfigError(`Config file ${file} is not valid YAML: ${(error as Error).message}`)
  }

  if (document === null || document === undefined) {
    return {}
  }

  if (typeof document !== 'object' || Array.isArray(document)) {
    throw new ConfigError(`Config file ${file} must hold a mapping at the top level`)
  }

  return document as Record<string, unknown>
}

function applyEnvironment(raw: Record<string, unknown>, env: NodeJS.ProcessEnv): void {
  for (const [variable, path, kind] of ENV_OVERRIDES) {
    const value = env[variable]

    if (value === undefined || value === '') {
      continue
    }

    let target = raw

    for (const key of path.slice(0, -1)) {
      const next = target[key]
      target[key] = next && typeof next === 'object' ? next : {}
      target = target[key] as Record<string, unknown>
    }

    target[path.at(-1)!] = kind === 'number' && /^\d+$/.test(value) ? Number(value) : value
  }
}

function formatIssues(error: z.ZodError): string {
  return error.issues
    .flatMap((issue) => {
      const parent = issue.path.join('.')

      // Name each unknown key by its full path, where the operator has to look for it.
      if (issue.code === 'unrecognized_keys') {
        return issue.keys.map((key) => `  - ${parent ? `${parent}.` : ''}${key}: unknown key`)
      }

      return [`  - ${parent || '(top level)'}: ${issue.message}`]
    })
    .join('\n')
}
