import type { Insight, Message, Note, RiskFlag, Role, SessionStatus } from '@smartsteps/contracts'

/**
 * The storage port. Every adapter (the embedded SQLite store, MongoDB next) implements it and
 * passes the conformance suite in storage/conformance.ts. Methods are async so adapters that
 * talk to a server fit; records are plain JSON-safe objects; timestamps are ISO strings.
 */
export interface Storage {
  readonly users: UserRepository
  readonly clients: ClientRepository
  readonly sessions: SessionRepository
  readonly messages: MessageRepository
  readonly notes: NoteRepository
  readonly refreshTokens: RefreshTokenRepository
  /** Resolves when the store answers a trivial read; rejects otherwise. */
  ping(): Promise<void>
  close(): Promise<void>
}

/** Thrown by create/update when a unique field (username, email, id) is already taken. */
export class DuplicateKeyError extends Error {
  constructor(readonly field: string) {
    super(`duplicate value for ${field}`)
    this.name = 'DuplicateKeyError'
  }
}

export interface Page<T> {
  items: T[]
  total: number
}

export interface PageRequest {
  offset: number
  limit: number
}

export interface UserRecord {
  user_id: string
  username: string
  email: string
  role: Role
  active: boolean
  password_hash: string
  created_at: string
  updated_at: string
}

export interface UserRepository {
  create(user: UserRecord): Promise<void>
  get(userId: string): Promise<UserRecord | null>
  getByUsername(username: string): Promise<UserRecord | null>
  count(): Promise<number>
}

export interface ClientRecord {
  client_id: string
  first_name: string
  last_name: string
  email: string | null
  phone: string | null
  date_of_birth: string | null
  metadata: Record<string, unknown>
  created_at: string
  created_by: string
  updated_at: string
}

export type ClientPatch = Partial<
  Pick<ClientRecord, 'first_name' | 'last_name' | 'email' | 'phone' | 'date_of_birth' | 'metadata'>
> & { updated_at: string }

export interface ClientQuery extends PageRequest {
  /** Only clients created by this user; omit for all. */
  createdBy?: string
  /** Case-insensitive substring of first name, last name or email. */
  search?: string
}

export interface SessionCounts {
  total: number
  completed: number
  scheduled: number
}

export interface ClientRepository {
  create(client: ClientRecord): Promise<void>
  get(clientId: string): Promise<ClientRecord | null>
  /** Applies the patch and returns the new record, or null when the client does not exist. */
  update(clientId: string, patch: ClientPatch): Promise<ClientRecord | null>
  /** Removes the client with all its sessions, messages and notes, atomically. */
  delete(clientId: string): Promise<boolean>
  /** Newest first (created_at, then client_id, descending). */
  list(query: ClientQuery): Promise<Page<ClientRecord>>
  sessionCounts(clientId: string): Promise<SessionCounts>
}

export interface SessionRecord {
  session_id: string
  client_id: string
  persona_id: string
  status: SessionStatus
  goals: string[]
  duration_minutes: number
  scheduled_at: string
  started_at: string | null
  ended_at: string | null
  created_at: string
  created_by: string
  updated_at: string
  message_count: number
  risk: RiskFlag
  summary: string | null
  insights: Insight[]
  metadata: Record<string, unknown>
}

/** Fields a service may change outside of a status transition. */
export type SessionPatch = Partial<Pick<SessionRecord, 'risk' | 'summary' | 'insights'>> & {
  updated_at: string
}

export interface SessionTransition {
  /** The transition applies only while the session is in one of these statuses. */
  from: SessionStatus[]
  to: SessionStatus
  at: string
  started_at?: string
  ended_at?: string
}

export type TransitionResult =
  | { ok: true; session: SessionRecord }
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: 'wrong_status'; current: SessionStatus }

export interface SessionQuery extends PageRequest {
  createdBy?: string
  clientId?: string
  statuses?: SessionStatus[]
}

export interface SessionRepository {
  create(session: SessionRecord): Promise<void>
  get(sessionId: string): Promise<SessionRecord | null>
  update(sessionId: string, patch: SessionPatch): Promise<SessionRecord | null>
  /** Compare-and-set on status: never applies a transition from a status outside `from`. */
  transition(sessionId: string, transition: SessionTransition): Promise<TransitionResult>
  /** Newest first (scheduled_at, then session_id, descending). */
  list(query: SessionQuery): Promise<Page<SessionRecord>>
  /** All sessions of one client, oldest first by scheduled_at. */
  listByClient(clientId: string): Promise<SessionRecord[]>
}

export type MessageRecord = Message

export type AppendResult =
  | { ok: true; messages: MessageRecord[]; duplicate: boolean }
  | { ok: false; reason: 'session_not_found' }
  | { ok: false; reason: 'session_not_active'; current: SessionStatus }

export interface MessageRepository {
  /**
   * Stores the messages (in order) only while the session is active, and bumps the session's
   * message_count, in one atomic step. Costs the same at message 10 and 10,000. When the first
   * message carries a client_message_id already stored in this session, nothing is written and
   * the stored message comes back with `duplicate: true`, whatever the session's status now.
   */
  appendToActiveSession(sessionId: string, messages: MessageRecord[]): Promise<AppendResult>
  /** The persona reply stored for a client message, if any. */
  findReply(sessionId: string, messageId: string): Promise<MessageRecord | null>
  /** Transcript order. `after` is an exclusive message id cursor; unknown ids give []. */
  list(sessionId: string, options: { after?: string; limit: number }): Promise<MessageRecord[]>
  /** The most recent `limit` messages, in transcript order. */
  tail(sessionId: string, limit: number): Promise<MessageRecord[]>
}

export type NoteRecord = Note & { session_id: string }

export interface NoteRepository {
  add(note: NoteRecord): Promise<void>
  list(sessionId: string): Promise<NoteRecord[]>
}

export interface RefreshTokenRecord {
  token_id: string
  /** SHA-256 of the secret token, hex; the secret itself is never stored. */
  token_hash: string
  user_id: string
  /** Every token issued by rotating one login shares its family id. */
  family_id: string
  expires_at: string
  created_at: string
  used_at: string | null
  revoked_at: string | null
}

export interface RefreshTokenRepository {
  create(token: RefreshTokenRecord): Promise<void>
  getByHash(tokenHash: string): Promise<RefreshTokenRecord | null>
  /** Marks the token used if it was unused and unrevoked; false when someone spent it first. */
  markUsed(tokenId: string, at: string): Promise<boolean>
  revokeFamily(familyId: string, at: string): Promise<void>
}
