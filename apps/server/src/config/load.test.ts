import { writeFileSync } from 'node:fs'
import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

import { temporaryFolders } from '../testing/temporary-folders.js'
import { ConfigError, loadConfig } from './load.js'

const temporaryFolder = temporaryFolders('smartsteps-config-')

function yamlFile(text: string): string {
  const file = join(temporaryFolder(), 'config.yaml')
  writeFileSync(file, text)
  return file
}

describe('loadConfig', () => {
  it('needs no file: defaults serve port 8543 on the embedded store', () => {
    const config = loadConfig({ env: {} })

    expect(config.server).toMatchObject({
      port: 8543,
      host: '127.0.0.1',
      body_limit_bytes: 1048576,
    })
    expect(config.storage.type).toBe('file')
    expect(config.security.jwt.access_token_ttl_seconds).toBe(900)
  })

  it('reads the reference keys from YAML and lets the environment override them', () => {
    const file = yamlFile('server:\n  port: 9000\nstorage:\n  type: file\n  path: /tmp/x\n')
    const config = loadConfig({ file, env: { SMARTSTEPS_PORT: '9100' } })

    expect(config.server.port).toBe(9100)
    expect(config.storage.path).toBe('/tmp/x')
  })

  it('names every invalid key in one message', () => {
    const file = yamlFile('server:\n  port: "high"\n  prot: 1\nstorage:\n  type: mongodb\n')

    expect(() => loadConfig({ file, env: {} })).toThrowError(ConfigError)

    try {
      loadConfig({ file, env: {} })
    } catch (error) {
      expect((error as Error).message).toMatch(/server\.port/)
      expect((error as Error).message).toContain('  - server.prot: unknown key\n')
      expect((error as Error).message).toMatch(/storage\.type/)
    }
  })

  it('limits slow clients to a minute by default and refuses headers outlasting the request', () => {
    expect(loadConfig({ env: {} }).server).toMatchObject({
      headers_timeout_seconds: 60,
      request_timeout_seconds: 60,
      keep_alive_timeout_seconds: 5,
    })
    expect(() =>
      loadConfig({
        file: yamlFile('server:\n  headers_timeout_seconds: 90\n  request_timeout_seconds: 30\n'),
        env: {},
      }),
    ).toThrowError(/server\.headers_timeout_seconds: must not be more than request_timeout_seconds/)
  })

  it('rejects a non-numeric port from the environment', () => {
    expect(() => loadConfig({ env: { SMARTSTEPS_PORT: 'eighty' } })).toThrowError(/server\.port/)
  })

  it('reports unreadable and non-mapping files clearly', () => {
    expect(() => loadConfig({ file: '/nonexistent/config.yaml', env: {} })).toThrowError(
      /Cannot read config file/,
    )
    expect(() => loadConfig({ file: yamlFile('- a\n- b\n'), env: {} })).toThrowError(/mapping/)
    expect(() => loadConfig({ file: yamlFile('server: [\n'), env: {} })).toThrowError(
      /not valid YAML/,
    )
  })
})
