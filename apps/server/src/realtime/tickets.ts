import { randomBytes } from 'node:crypto'

import type { Actor } from '../domain/actor.js'

interface Ticket {
  actor: Actor
  expiresAt: number
  credentialExpiresAt: number
}

/**
 * Short-lived, single-use tickets that let a browser (which cannot set headers on a WebSocket)
 * open /ws. A ticket is redeemable only on the instance that issued it: behind a load balancer,
 * ticket issuance and the upgrade must reach the same instance (sticky sessions), as the README
 * says.
 */
export function createTicketStore(ttlSeconds: number) {
  const tickets = new Map<string, Ticket>()

  function sweep(now: number) {
    for (const [ticket, entry] of tickets) {
      if (entry.expiresAt <= now) {
        tickets.delete(ticket)
      }
    }
  }

  return {
    issue(actor: Actor, credentialExpiresAt: number) {
      const now = Date.now()
      const ticket = `wst_${randomBytes(24).toString('base64url')}`
      const expiresAt = Math.min(now + ttlSeconds * 1000, credentialExpiresAt)

      sweep(now)
      tickets.set(ticket, { actor, expiresAt, credentialExpiresAt })

      return { ticket, expires_at: new Date(expiresAt).toISOString() }
    },
    /** The ticket's holder, once; null for unknown, spent or expired tickets. */
    redeem(ticket: string): { actor: Actor; expiresAt: number } | null {
      const entry = tickets.get(ticket)
      tickets.delete(ticket)

      if (!entry || entry.expiresAt <= Date.now()) {
        return null
      }

      return { actor: entry.actor, expiresAt: entry.credentialExpiresAt }
    },
  }
}

export type TicketStore = ReturnType<typeof createTicketStore>
