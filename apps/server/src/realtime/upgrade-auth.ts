import type { IncomingMessage } from 'node:http'

import type { AuthFailureReason } from '@smartsteps/contracts'

import type { Actor } from '../domain/actor.js'
import { DomainError } from '../domain/errors.js'
import type { ActorStanding } from '../services/actor-standing.js'
import { bearerCredential } from '../services/bearer-credential.js'
import type { CredentialResolver } from '../services/credential-resolver.js'
import type { TicketStore } from './tickets.js'

export const REALTIME_SUBPROTOCOL = 'smartsteps.v1'

/** Refusals other than 401, by the credential check's error: as REST answers them. */
const UPGRADE_STATUS: Partial<Record<string, 403 | 503>> = {
  permission_denied: 403,
  // The identity provider's keys cannot be fetched: the credential may be fine, try again.
  service_unavailable: 503,
}
const TICKET_PROTOCOL_PREFIX = 'ticket.'

export type UpgradeCredential =
  | { ok: true; actor: Actor; expiresAt: number }
  | {
      ok: false
      status: 401 | 403 | 500 | 503
      reason: string
      /** The envelope's details: a 401 says why (AuthFailureReason) as REST does. */
      details?: Record<string, unknown>
    }

const EMPTY_BODY = new Uint8Array(0)

function refusal(why: AuthFailureReason, message: string): UpgradeCredential {
  return { ok: false, status: 401, reason: message, details: { reason: why } }
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}

function ticketFrom(request: IncomingMessage): string | null {
  const fromQuery = new URL(request.url ?? '/', 'http://localhost').searchParams.get('ticket')

  if (fromQuery) {
    return fromQuery
  }

  const offered = (request.headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map((part) => part.trim())
  const fromProtocol = offered.find((protocol) => protocol.startsWith(TICKET_PROTOCOL_PREFIX))

  return fromProtocol ? fromProtocol.slice(TICKET_PROTOCOL_PREFIX.length) : null
}

/**
 * Who is opening the socket: an `Authorization: Bearer` access token or API key, or else a
 * ticket from POST /api/v1/realtime/tickets in the `ticket` query parameter or a
 * `ticket.<ticket>` subprotocol. Decided before the upgrade completes, so a refused client
 * never gets a 101.
 */
export async function authenticateUpgrade(
  request: IncomingMessage,
  credentials: CredentialResolver,
  tickets: TicketStore,
  clientIp: string | null,
  standing: ActorStanding,
): Promise<UpgradeCredential> {
  const header = request.headers.authorization

  if (header) {
    const credential = bearerCredential(header)

    if (!credential) {
      return refusal('malformed_credential', 'Malformed Authorization header')
    }

    try {
      const resolved = await credentials.resolve(credential, {
        clientIp,
        // An upgrade has no body: a key that signs its requests signs the timestamp alone.
        signature: {
          timestamp: firstHeader(request.headers['x-signature-timestamp']),
          signature: firstHeader(request.headers['x-signature']),
          body: async () => EMPTY_BODY,
        },
      })

      return { ok: true, ...resolved }
    } catch (error) {
      if (error instanceof DomainError) {
        const status = UPGRADE_STATUS[error.code] ?? 401
        return { ok: false, status, reason: error.message, details: error.details }
      }

      throw error
    }
  }

  const ticket = ticketFrom(request)
  const redeemed = ticket ? tickets.redeem(ticket) : null

  if (!redeemed) {
    return ticket
      ? refusal('ticket_invalid', 'Invalid or spent ticket')
      : refusal('missing_credential', 'No credentials')
  }

  // The ticket was issued a moment ago; the login or key behind it may have ended since.
  const actor = await standing.current(redeemed.actor)

  if (!actor) {
    return refusal('ticket_invalid', 'The credential behind this ticket no longer works')
  }

  return { ok: true, ...redeemed, actor }
}

/**
 * The subprotocol to answer with: ours when offered, never the ticket. When the client offered
 * others only, none is selected and the upgrade goes on without the header, as RFC 6455 4.2.2
 * asks; a client that insists on one of them then fails the connection itself (browsers do).
 */
export function selectProtocol(offered: Set<string>): string | false {
  return offered.has(REALTIME_SUBPROTOCOL) ? REALTIME_SUBPROTOCOL : false
}
