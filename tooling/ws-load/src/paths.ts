import { fileURLToPath } from 'node:url'

/** The repository root, wherever pnpm started the script (it runs in the package folder). */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url))

export const SERVER_ENTRY = 'apps/server/dist/main.js'
