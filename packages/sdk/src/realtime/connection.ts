import {
  type ServerFrame,
  ServerFrameSchema,
  type Message,
  type SenderType,
} from '@smartsteps/contracts'

import {
  SmartStepsError,
  SmartStepsNetworkError,
  SmartStepsRealtimeError,
  SmartStepsResponseError,
} from '../errors/index.js'
import { newClientMessageId } from '../ids.js'
import type { RealtimeAck } from '../types.js'
import { type ReconnectOptions, reconnectDelay } from './backoff.js'
import { Emitter } from './emitter.js'
import type { RealtimeEvents } from './events.js'
import { PendingCalls } from './pending-calls.js'
import { SessionTracker } from './session-tracker.js'
import type { SocketLike } from './socket.js'

export interface ConnectionSettings {
  ackTimeoutMs: number
  /** null: do not reconnect. */
  reconnect: Required<ReconnectOptions> | null
  validateFrames: boolean
}

export type ConnectionState = 'connecting' | 'open' | 'reconnecting' | 'closed'

export interface SendInput {
  content: string
  sender_type: SenderType
  /** Idempotency key; made up when absent. Send again with the same one if unsure it arrived. */
  client_message_id?: string
}

type FrameType = 'join_session' | 'leave_session' | 'send_message' | 'typing_indicator'

const NORMAL_CLOSURE = 1000

/** A refusal no reconnect attempt can cure: the credentials are gone or not allowed. */
function isFinalRefusal(error: unknown): boolean {
  return error instanceof SmartStepsError && (error.status === 401 || error.status === 403)
}

/**
 * One realtime connection: calls answered by their ack, session events, and reconnecting. After
 * a drop it reconnects with backoff and rejoins every joined session with the last seq it saw,
 * so missed events are replayed (or a `resync` says they are out of reach). Calls that were in
 * flight at the drop reject with SmartStepsNetworkError; calls made while reconnecting wait.
 */
export class RealtimeConnection {
  private socket: SocketLike | null = null
  private current: ConnectionState = 'connecting'
  private frames = 0
  private readonly pending = new PendingCalls()
  private readonly sessions = new SessionTracker()
  private readonly events = new Emitter<RealtimeEvents>()
  private ready!: { promise: Promise<void>; resolve(): void; reject(error: Error): void }
  private wakeUp: (() => void) | null = null
  private onFinished: Array<() => void> = []
  private finished = false
  private closeTimer: ReturnType<typeof setTimeout> | undefined

  constructor(
    private readonly open: () => Promise<SocketLike>,
    private readonly settings: ConnectionSettings,
  ) {
    this.resetReady()
  }

  get state(): ConnectionState {
    return this.current
  }

  /** Opens the first socket; rejects (and gives up) if that fails. */
  async start(): Promise<void> {
    try {
      this.attach(await this.open())
    } catch (error) {
      this.current = 'closed'
      throw error
    }

    this.becomeOpen()
  }

  on<Name extends keyof RealtimeEvents>(
    event: Name,
    listener: (payload: RealtimeEvents[Name]) => void,
  ): () => void {
    return this.events.on(event, listener)
  }

  off<Name extends keyof RealtimeEvents>(
    event: Name,
    listener: (payload: RealtimeEvents[Name]) => void,
  ): void {
    this.events.off(event, listener)
  }

  /** The highest seq seen for the session: keep it to resume in another connection. */
  lastSeq(sessionId: string): number | undefined {
    return this.sessions.lastSeq(sessionId)
  }

  /**
   * Follows a session. With a last seq (given, or seen earlier on this connection) the events
   * after it are replayed before the ack, or a `resync` event says they are out of reach.
   */
  async join(
    sessionId: string,
    options: { lastSeq?: number } = {},
  ): Promise<{ seq: number; replayed: number }> {
    const lastSeq = options.lastSeq ?? this.sessions.lastSeq(sessionId)
    const ack = await this.call('join_session', {
      session_id: sessionId,
      ...(lastSeq === undefined ? {} : { last_seq: lastSeq }),
    })

    return this.joined(sessionId, ack)
  }

  async leave(sessionId: string): Promise<void> {
    await this.call('leave_session', { session_id: sessionId })
    this.sessions.left(sessionId)
  }

  /** Sends a message; resolves with it as stored (`duplicate` when the key was used before). */
  async send(
    sessionId: string,
    input: SendInput,
  ): Promise<{ message: Message; duplicate: boolean }> {
    const ack = await this.call('send_message', {
      session_id: sessionId,
      content: input.content,
      sender_type: input.sender_type,
      client_message_id: input.client_message_id ?? newClientMessageId(),
    })

    return { message: ack.message!, duplicate: ack.duplicate ?? false }
  }

  async typing(
    sessionId: string,
    input: { sender_type: SenderType; is_typing: boolean },
  ): Promise<void> {
    await this.call('typing_indicator', { session_id: sessionId, ...input })
  }

  /** Closes for good; pending calls reject. */
  close(): Promise<void> {
    if (this.current === 'closed') {
      return Promise.resolve()
    }

    const finished = new Promise<void>((resolve) => this.onFinished.push(resolve))
    const socket = this.socket

    this.current = 'closed'
    this.wakeUp?.()

    if (socket) {
      socket.close(NORMAL_CLOSURE, 'closed by the client')
      // A socket that never reports its close must not keep close() waiting.
      this.closeTimer = setTimeout(() => this.finish(NORMAL_CLOSURE, 'closed by the client'), 2000)
    } else {
      this.finish(NORMAL_CLOSURE, 'closed by the client')
    }

    return finished
  }

  private joined(sessionId: string, ack: RealtimeAck) {
    this.sessions.joinedAt(sessionId, ack.seq ?? 0)

    return { seq: this.sessions.lastSeq(sessionId)!, replayed: ack.replayed ?? 0 }
  }

  private async call(
    type: FrameType,
    data: Record<string, unknown>,
    during: 'user' | 'rejoin' = 'user',
  ): Promise<RealtimeAck> {
    if (this.current === 'closed') {
      throw new SmartStepsNetworkError('The realtime connection is closed')
    }

    const id = `f${++this.frames}`
    const answered = this.pending.add(id, this.settings.ackTimeoutMs)

    if (during === 'user' && this.current !== 'open') {
      await Promise.race([this.ready.promise, answered])
    }

    try {
      if (!this.socket) {
        throw new Error('no socket')
      }

      this.socket.send(JSON.stringify({ type, id, data }))
    } catch (error) {
      this.pending.reject(
        id,
        new SmartStepsNetworkError('The realtime connection is down', { cause: error }),
      )
    }

    return answered
  }

  private attach(socket: SocketLike): void {
    this.socket = socket
    socket.addEventListener('message', (event) => this.receive(event.data))
    socket.addEventListener('close', (event) => this.dropped(socket, event.code, event.reason))
  }

  private becomeOpen(): void {
    this.current = 'open'
    this.ready.resolve()
  }

  private resetReady(): void {
    let resolve!: () => void
    let reject!: (error: Error) => void
    const promise = new Promise<void>((res, rej) => {
      resolve = res
      reject = rej
    })

    promise.catch(() => {}) // nobody may be waiting when it fails
    this.ready = { promise, resolve, reject }
  }

  private receive(raw: unknown): void {
    const frame = this.parse(raw)

    if (!frame) {
      return
    }

    switch (frame.type) {
      case 'ack':
        this.pending.resolve(frame.id, frame.data)
        return
      case 'error': {
        const { code, message, request_id } = frame.data
        const error = new SmartStepsRealtimeError(code, message, request_id)

        if (request_id === null || !this.pending.reject(request_id, error)) {
          this.events.emit('error', error)
        }

        return
      }
      case 'new_message':
        if (this.sessions.accept(frame.data.session_id, frame.data.seq)) {
          this.events.emit('new_message', frame.data)
        }

        return
      case 'session_update':
        if (frame.data.deleted) {
          this.sessions.left(frame.data.session_id) // the server stops sending it
        }

        if (this.sessions.accept(frame.data.session_id, frame.data.seq)) {
          this.events.emit('session_update', frame.data)
        }

        return
      case 'typing_indicator':
        this.events.emit('typing_indicator', frame.data)
        return
      case 'resync':
        this.sessions.resyncedAt(frame.data.session_id, frame.data.seq)
        this.events.emit('resync', frame.data)
        return
    }
  }

  private parse(raw: unknown): ServerFrame | null {
    let value: unknown

    try {
      value = typeof raw === 'string' ? JSON.parse(raw) : undefined
    } catch {
      value = undefined
    }

    if (!this.settings.validateFrames && value !== undefined) {
      return value as ServerFrame
    }

    const parsed = ServerFrameSchema.safeParse(value)

    if (!parsed.success) {
      this.events.emit(
        'error',
        new SmartStepsResponseError('A realtime frame does not match the contract', {
          status: null,
          requestId: null,
          issues: parsed.error.issues.map((issue) => ({
            path: issue.path.map(String).join('.'),
            message: issue.message,
          })),
        }),
      )
      return null
    }

    return parsed.data
  }

  private dropped(socket: SocketLike, code: number, reason: string): void {
    if (socket !== this.socket) {
      return // an older socket, already replaced
    }

    this.socket = null
    this.pending.rejectAll(
      new SmartStepsNetworkError(`The realtime connection closed (${code}) before answering`),
    )

    if (this.current === 'closed') {
      return this.finish(code, reason)
    }

    if (this.current === 'reconnecting') {
      return // the reconnect loop sees its rejoin fail and tries again
    }

    const willReconnect = this.settings.reconnect !== null

    this.events.emit('disconnected', { code, reason, willReconnect })

    if (!willReconnect) {
      this.current = 'closed'
      return this.finish(code, reason)
    }

    this.current = 'reconnecting'
    this.resetReady()
    void this.reconnect(code, reason)
  }

  private async reconnect(code: number, reason: string): Promise<void> {
    const options = this.settings.reconnect!

    for (let attempt = 1; attempt <= options.maxAttempts; attempt++) {
      await this.pause(reconnectDelay(attempt, options))

      if (this.current === 'closed') {
        return
      }

      try {
        this.attach(await this.open())

        if (this.current !== 'reconnecting') {
          this.socket?.close(NORMAL_CLOSURE, 'closed by the client') // close() came meanwhile
          return
        }

        const sessions = await this.rejoin()

        if (!this.socket) {
          continue // dropped again while rejoining
        }

        this.becomeOpen()
        this.events.emit('reconnected', { attempt, sessions })
        return
      } catch (error) {
        if (isFinalRefusal(error)) {
          break
        }
      }
    }

    this.current = 'closed'
    this.finish(code, `could not reconnect after: ${reason || code}`)
  }

  /** Rejoins every followed session from its last seq; sessions gone meanwhile are dropped. */
  private async rejoin(): Promise<string[]> {
    const rejoined: string[] = []

    for (const sessionId of this.sessions.joinedSessions()) {
      const lastSeq = this.sessions.lastSeq(sessionId)

      try {
        const ack = await this.call(
          'join_session',
          { session_id: sessionId, ...(lastSeq === undefined ? {} : { last_seq: lastSeq }) },
          'rejoin',
        )
        this.joined(sessionId, ack)
        rejoined.push(sessionId)
      } catch (error) {
        if (!(error instanceof SmartStepsRealtimeError)) {
          throw error // the new socket failed too
        }

        this.sessions.left(sessionId) // e.g. deleted, or no longer visible
        this.events.emit('error', error)
      }
    }

    return rejoined
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms)

      this.wakeUp = () => {
        clearTimeout(timer)
        resolve()
      }
    })
  }

  private finish(code: number, reason: string): void {
    if (!this.finished) {
      this.finished = true
      this.current = 'closed'
      this.socket = null
      clearTimeout(this.closeTimer)
      this.pending.rejectAll(new SmartStepsNetworkError('The realtime connection is closed'))
      this.ready.reject(new SmartStepsNetworkError('The realtime connection is closed'))
      this.events.emit('closed', { code, reason })
    }

    for (const resolve of this.onFinished.splice(0)) {
      resolve()
    }
  }
}
