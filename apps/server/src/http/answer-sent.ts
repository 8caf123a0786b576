import type { HttpBindings } from '@hono/node-server'
import type { Context } from 'hono'

/**
 * Resolves once the answer to this request has been handed to the network, or its connection
 * has closed: work that must neither delay nor shape the answer starts after it. Writing an
 * answer can take several turns of the event loop (compression runs off the main thread), so
 * waiting for one turn is not enough. Without a Node response (the app called in-process) it
 * resolves in the next turn.
 */
export function answerSent(c: Context): Promise<void> {
  const outgoing = (c.env as Partial<HttpBindings> | undefined)?.outgoing

  return new Promise((resolve) => {
    if (!outgoing) {
      setImmediate(resolve)
      return
    }

    if (outgoing.writableFinished || outgoing.destroyed) {
      resolve()
      return
    }

    outgoing.once('finish', () => resolve())
    outgoing.once('close', () => resolve())
  })
}
