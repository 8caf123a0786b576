import { randomBytes } from 'node:crypto'
import { chmod, mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

import type { Notifier, PasswordResetNotice } from '../ports/notifier.js'

export const OUTBOX_DIR = 'outbox'

/** Sortable by time, unguessable, and free of anything personal. */
function fileName(kind: string): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  return `${stamp}-${kind}-${randomBytes(6).toString('hex')}.json`
}

/**
 * Writes each message as one JSON file in `<data dir>/outbox/`, readable by the server's user
 * only (directory 0700, files 0600), for the operator to deliver and then delete. The files hold
 * live secrets until they expire.
 *
 * @example
 * const notifier = createOutboxNotifier('./data')
 */
export function createOutboxNotifier(dataDir: string): Notifier {
  const directory = join(dataDir, OUTBOX_DIR)
  let ready: Promise<void> | undefined

  // mkdir's mode applies only when it creates the directory; chmod tightens one made earlier.
  function prepare(): Promise<void> {
    ready ??= mkdir(directory, { recursive: true, mode: 0o700 })
      .then(() => chmod(directory, 0o700))
      .catch((error: unknown) => {
        ready = undefined
        throw error
      })

    return ready
  }

  async function write(kind: string, message: object) {
    await prepare()
    await writeFile(join(directory, fileName(kind)), `${JSON.stringify(message, null, 2)}\n`, {
      mode: 0o600,
      flag: 'wx',
    })
  }

  return {
    name: 'outbox',

    async sendPasswordReset(notice: PasswordResetNotice) {
      await write('password-reset', {
        kind: 'password_reset',
        to: notice.email,
        username: notice.username,
        user_id: notice.user_id,
        link: notice.link,
        token: notice.token,
        expires_at: notice.expires_at,
        instructions:
          'Deliver to the address in "to" only. The holder of the token sets the password at POST /api/v1/auth/password/reset/confirm until expires_at. Delete this file once delivered.',
      })
    },
  }
}
