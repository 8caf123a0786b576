import { readFileSync } from 'node:fs'
import { join } from 'node:path'

import { describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'

import { PACKAGE_ROOT } from '../package-root.js'
import { ConfigSchema } from './schema.js'

const README = join(PACKAGE_ROOT, '..', '..', 'README.md')

/** The YAML block of the README's Configuration section, which operators copy from. */
function readmeConfigSample(): unknown {
  const readme = readFileSync(README, 'utf8')
  const section = readme.slice(readme.indexOf('## Configuration'))
  const block = /```yaml\n([\s\S]*?)```/.exec(section)

  if (!block) throw new Error('README.md has no yaml block under "## Configuration"')

  return parseYaml(block[1]!)
}

describe('the configuration sample in the README', () => {
  it('is a valid configuration as written', () => {
    const parsed = ConfigSchema.safeParse(readmeConfigSample())

    expect(parsed.error?.issues ?? []).toEqual([])
  })

  it('shows every section of the configuration', () => {
    const sample = readmeConfigSample() as Record<string, unknown>

    expect(Object.keys(sample).sort()).toEqual(Object.keys(ConfigSchema.shape).sort())
  })
})
