import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The folder of the server package, found by walking up from this module. It is the same
 * whether the code runs from src/ (tests) or from the dist/ bundle.
 */
export const PACKAGE_ROOT: string = (() => {
  let folder = dirname(fileURLToPath(import.meta.url))

  for (let depth = 0; depth < 5; depth++) {
    const manifest = join(folder, 'package.json')

    if (
      existsSync(manifest) &&
      JSON.parse(readFileSync(manifest, 'utf8')).name === '@smartsteps/server'
    ) {
      return folder
    }

    folder = dirname(folder)
  }

  throw new Error('Cannot find the @smartsteps/server package folder')
})()

export const VERSION: string = JSON.parse(
  readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8'),
).version
