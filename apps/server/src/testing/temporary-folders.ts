import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterEach } from 'vitest'

/**
 * Fresh folders under the OS temp dir, each removed, whatever became of the test, once the test
 * that made it ends. Call it at the top of a test file or describe block: it registers its own
 * afterEach, so no test can forget to clean up.
 *
 * @returns makes one folder whose name starts with `prefix` and returns its path
 */
export function temporaryFolders(prefix: string): () => string {
  const made: string[] = []

  afterEach(() => {
    for (const folder of made.splice(0)) {
      rmSync(folder, { recursive: true, force: true })
    }
  })

  return () => {
    const folder = mkdtempSync(join(tmpdir(), prefix))
    made.push(folder)
    return folder
  }
}
