import { randomBytes } from 'node:crypto'
import { mkdirSync, openSync, readFileSync, writeSync, closeSync, fsyncSync } from 'node:fs'
import { join } from 'node:path'

const JWT_KEY_FILE = 'jwt-signing.key'

/**
 * The JWT signing key: the configured secret, or one generated on first start and kept in the
 * data directory (mode 0600) so tokens survive restarts and every process on the directory
 * agrees. Creation uses O_EXCL, so two processes starting together end up with the same key.
 */
export function loadJwtSecret(dataDir: string, configured: string | undefined): Uint8Array {
  if (configured) {
    return new TextEncoder().encode(configured)
  }

  mkdirSync(dataDir, { recursive: true, mode: 0o700 })

  const file = join(dataDir, JWT_KEY_FILE)

  try {
    const descriptor = openSync(file, 'wx', 0o600)
    writeSync(descriptor, randomBytes(48).toString('base64'))
    fsyncSync(descriptor)
    closeSync(descriptor)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw error
    }
  }

  const key = readKeyWhenWritten(file)

  return new Uint8Array(Buffer.from(key, 'base64'))
}

/** Another process may have created the file a moment ago and not written it yet. */
function readKeyWhenWritten(file: string): string {
  for (let attempt = 0; attempt < 50; attempt++) {
    const key = readFileSync(file, 'utf8').trim()

    if (key.length >= 43) {
      return key
    }

    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20)
  }

  throw new Error(`The JWT key file ${file} is empty or truncated; delete it to generate a new one`)
}
