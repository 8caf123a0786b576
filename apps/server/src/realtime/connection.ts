import {
  type ClientFrame,
  ClientFrameSchema,
  REALTIME_CLOSE_CODES,
  type Scope,
  type ServerFrame,
} from '@smartsteps/contracts'
import type { WebSocket } from 'ws'

import type { Services } from '../composition.js'
import type { Config } from '../config/schema.js'
import { type Actor, requireScope } from '../domain/actor.js'
import { findJsonHazard } from '../domain/json-hazards.js'
import type { Logger } from '../logger.js'
import type { SessionEvent } from '../ports/event-bus.js'
import type { TypingIndicator } from '../services/typing-service.js'
import { atDeadline } from './deadline.js'
import { errorFrame, frameIdOf, nextServerFrameId, realtimeCodeOf } from './frames.js'
import { createShownTyping } from './shown-typing.js'
import { createTokenBucket } from './token-bucket.js'

const FRAME_SCOPES: Record<ClientFrame['type'], Scope> = {
  join_session: 'sessions:read',
  leave_session: 'sessions:read',
  send_message: 'sessions:write',
  typing_indicator: 'sessions:write',
}

export interface ConnectionContext {
  socket: WebSocket
  actor: Actor
  credentialExpiresAt: number
  services: Services
  config: Config['realtime']
  logger: Logger
}

/**
 * One client socket: parses its frames against the contracts, answers each with an ack or an
 * error, and forwards the events of the sessions it joined. Every rule about who may see or do
 * what stays in the services; this only translates.
 */
export function handleConnection(context: ConnectionContext) {
  const { socket, services, config, logger } = context
  // Re-read before every frame and every heartbeat: roles, logins and keys can end meanwhile.
  let actor = context.actor
  const joined = new Map<string, () => void>()
  const typingShown = createShownTyping()
  const takeToken = createTokenBucket(config.messages_per_second, config.message_burst)
  let strikes = 0
  let closed = false
  // Frames of one socket are handled one after another, in the order they arrived: two quick
  // send_message frames are stored in the order sent, and answers come back in that order.
  let handled: Promise<void> = Promise.resolve()

  const cancelExpiry = atDeadline(context.credentialExpiresAt, () =>
    socket.close(REALTIME_CLOSE_CODES.credentialsExpired, 'credentials expired'),
  )
  const standingCheck = setInterval(() => void checkStanding(), config.heartbeat_seconds * 1000)

  standingCheck.unref()

  /**
   * Refreshes the actor; false once its credential has ended, when the frame being handled (if
   * any) is answered with authentication_error and the socket closes with 4401.
   */
  async function checkStanding(requestId?: string): Promise<boolean> {
    let standing: Actor | null

    try {
      standing = await services.standing.current(actor)
    } catch (error) {
      // A store that cannot answer right now is no reason to drop a live session.
      logger.warn({ err: error, user_id: actor.userId }, 'realtime standing check failed')
      return true
    }

    if (!standing) {
      if (requestId !== undefined) {
        send(errorFrame('authentication_error', 'This credential no longer works', requestId))
      }

      socket.close(REALTIME_CLOSE_CODES.credentialsExpired, 'credential revoked')
      return false
    }

    actor = standing
    return true
  }

  function send(frame: ServerFrame) {
    if (socket.readyState !== socket.OPEN) {
      return
    }

    if (socket.bufferedAmount > config.max_send_buffer_bytes) {
      logger.warn(
        { user_id: actor.userId, buffered: socket.bufferedAmount },
        'slow consumer dropped',
      )
      socket.close(REALTIME_CLOSE_CODES.slowConsumer, 'send buffer full')
      setTimeout(() => socket.terminate(), 1000).unref()
      return
    }

    if (
      frame.type === 'typing_indicator' &&
      socket.bufferedAmount > config.shed_typing_above_bytes
    ) {
      return
    }

    socket.send(JSON.stringify(frame))
  }

  function stopFollowing(sessionId: string) {
    joined.get(sessionId)?.()
    joined.delete(sessionId)
  }

  function forward(event: SessionEvent) {
    send({ type: event.type, id: nextServerFrameId(), data: event.data } as ServerFrame)

    if (event.type === 'session_update' && event.data.deleted) {
      // Nothing more can happen in a deleted session, and nobody is left to see typing there.
      stopFollowing(event.data.session_id)
      typingShown.takeSession(event.data.session_id)
    }
  }

  /** Publishes `is_typing: false` for indicators this socket left on; never rejects. */
  async function withdrawTyping(indicators: TypingIndicator[]) {
    await Promise.all(
      indicators.map((indicator) =>
        services.realtime.withdraw(indicator).catch((error: unknown) => {
          logger.warn({ err: error, session_id: indicator.session_id }, 'typing not withdrawn')
        }),
      ),
    )
  }

  function fail(error: unknown, requestId: string | null) {
    const { code, message } = realtimeCodeOf(error)

    if (code === 'internal_error') {
      logger.error({ err: error, user_id: actor.userId }, 'realtime frame failed')
    }

    send(errorFrame(code, message, requestId))
  }

  async function join(frame: Extract<ClientFrame, { type: 'join_session' }>) {
    const sessionId = frame.data.session_id

    await services.sessions.getVisible(actor, sessionId)
    stopFollowing(sessionId)

    // Subscribe before replaying, holding live events back, so none falls between the two.
    const held: SessionEvent[] = []
    let live = false
    const unsubscribe = await services.bus.subscribe(sessionId, (event) =>
      live ? forward(event) : held.push(event),
    )

    joined.set(sessionId, unsubscribe)

    let lastSent = frame.data.last_seq ?? (await services.bus.latestSeq(sessionId))
    let replayed = 0

    if (frame.data.last_seq !== undefined) {
      const replay = await services.bus.replay(sessionId, frame.data.last_seq)

      if (replay.ok) {
        replay.events.forEach(forward)
        replayed = replay.events.length
        lastSent = replay.latestSeq
      } else {
        send({
          type: 'resync',
          id: nextServerFrameId(),
          data: {
            session_id: sessionId,
            seq: replay.latestSeq,
            reason: 'missed events are no longer kept; reload the session over REST',
          },
        })
        lastSent = replay.latestSeq
      }
    }

    for (const event of held) {
      if (event.type === 'typing_indicator' || event.data.seq > lastSent) {
        forward(event)
        lastSent = Math.max(lastSent, event.data.seq)
      }
    }

    live = true
    send({
      type: 'ack',
      id: frame.id,
      data: { request_type: 'join_session', session_id: sessionId, seq: lastSent, replayed },
    })
  }

  async function leave(frame: Extract<ClientFrame, { type: 'leave_session' }>) {
    stopFollowing(frame.data.session_id)
    await withdrawTyping(typingShown.takeSession(frame.data.session_id))
    send({
      type: 'ack',
      id: frame.id,
      data: { request_type: 'leave_session', session_id: frame.data.session_id },
    })
  }

  async function sendMessage(frame: Extract<ClientFrame, { type: 'send_message' }>) {
    const { session_id, ...request } = frame.data
    const accepted = await services.messages.accept(actor, session_id, request)

    send({
      type: 'ack',
      id: frame.id,
      data: {
        request_type: 'send_message',
        session_id,
        message: accepted.message,
        duplicate: accepted.duplicate,
      },
    })

    accepted.reply.catch((error: unknown) => fail(error, frame.id))
  }

  async function typing(frame: Extract<ClientFrame, { type: 'typing_indicator' }>) {
    const { session_id, sender_type, is_typing } = frame.data

    const indicator = await services.realtime.typing(actor, session_id, sender_type, is_typing)

    if (closed) {
      // The socket dropped while this was being published; the close could not take it back.
      if (is_typing) {
        await withdrawTyping([indicator])
      }

      return
    }

    typingShown.record(indicator, is_typing)
    send({ type: 'ack', id: frame.id, data: { request_type: 'typing_indicator', session_id } })
  }

  async function dispatch(frame: ClientFrame) {
    if (!(await checkStanding(frame.id))) {
      return
    }

    requireScope(actor, FRAME_SCOPES[frame.type])

    switch (frame.type) {
      case 'join_session':
        return join(frame)
      case 'leave_session':
        return leave(frame)
      case 'send_message':
        return sendMessage(frame)
      case 'typing_indicator':
        return typing(frame)
    }
  }

  /** Queues work behind the frames received before, so answers leave in arrival order. */
  function inOrder(task: () => unknown) {
    handled = handled.then(task).then(
      () => undefined,
      () => undefined,
    )
  }

  function rateLimited(requestId: string | null): boolean {
    if (takeToken()) {
      strikes = 0
      return false
    }

    strikes += 1
    inOrder(() => send(errorFrame('rate_limited', 'Too many frames; slow down', requestId)))

    if (strikes >= config.rate_limit_strikes) {
      // After the answers to the frames before it, so no accepted frame goes unanswered.
      inOrder(() => socket.close(1008, 'rate limit abused'))
    }

    return true
  }

  socket.on('message', (raw, isBinary) => {
    let value: unknown

    try {
      value = isBinary ? undefined : JSON.parse(raw.toString())
    } catch {
      value = undefined
    }

    const requestId = frameIdOf(value)

    if (rateLimited(requestId)) {
      return
    }

    const hazard = findJsonHazard(value)

    if (hazard) {
      const problem = `Invalid frame: ${hazard.field} ${hazard.reason}`
      inOrder(() => send(errorFrame('invalid_request', problem, requestId)))
      return
    }

    const parsed = ClientFrameSchema.safeParse(value)

    if (!parsed.success) {
      const problem =
        value === undefined ? 'Frames must be JSON text' : parsed.error.issues[0]?.message
      inOrder(() => send(errorFrame('invalid_request', `Invalid frame: ${problem}`, requestId)))
      return
    }

    const frame = parsed.data

    inOrder(() => dispatch(frame).catch((error: unknown) => fail(error, frame.id)))
  })

  socket.on('close', () => {
    closed = true
    cancelExpiry()
    clearInterval(standingCheck)

    for (const unsubscribe of joined.values()) {
      unsubscribe()
    }

    joined.clear()
    void withdrawTyping(typingShown.takeAll())
  })
}
