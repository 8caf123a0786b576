import type {
  Insight,
  Message,
  Note,
  RiskFlag,
  Role,
  Scope,
  SessionStatus,
} from '@smartsteps/contracts'

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
  readonly apiKeys: ApiKeyRepository
  readonly passwordResets: PasswordResetRepository
  readonly loginAttempts: LoginAttemptRepository
  /** Resolves when the store answers a trivial read; rejects otherwise. */
  ping(): Promise<void>
  close(): Promise<void>
}

/**
 * Thrown by any write that would store a value a unique field already holds (a username, an
 * email, any record id, a client_message_id within its session); `field` names that field.
 */
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
  /** null for accounts of an external identity provider: they have no Smart Steps password. */
  password_hash: string | null
  /** `issuer#subject` of an external account, unique; null for local accounts. */
  external_subject: string | null
  created_at: string
  updated_at: string
}

export type UserPatch = Partial<Pick<UserRecord, 'email' | 'role' | 'active' | 'password_hash'>> & {
  updated_at: string
}

export type UserUpdateResult =
  | { ok: true; user: UserRecord }
  | { ok: false; reason: 'not_found' }
  /** The patch would leave no active admin; nothing was written. */
  | { ok: false; reason: 'last_admin' }

export interface UserRepository {
  create(user: UserRecord): Promise<void>
  get(userId: string): Promise<UserRecord | null>
  getByUsername(username: string): Promise<UserRecord | null>
  /** Emails are stored lowercased; pass the address lowercased. */
  getByEmail(email: string): Promise<UserRecord | null>
  count(): Promise<number>
  /** Newest first (created_at, then user_id, descending). */
  list(query: PageRequest): Promise<Page<UserRecord>>
  /**
   * Applies the patch atomically with a check that some active admin remains: a patch that
   * demotes or deactivates the last one is refused whole, even when two such patches race in
   * different processes. A taken email is a DuplicateKeyError.
   */
  update(userId: string, patch: UserPatch): Promise<UserUpdateResult>
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
  /** Counts the client's sessions; with `createdBy`, only those that user created. */
  sessionCounts(clientId: string, createdBy?: string): Promise<SessionCounts>
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
   * Stores the messages (in order) only while the session is active, adds their number to the
   * session's message_count and sets its updated_at to the last message's timestamp, in one
   * atomic step: if any message fails (a DuplicateKeyError for a taken id), none is stored.
   * Costs the same at message 10 and 10,000. When the first message carries a client_message_id
   * already stored in this session, nothing is written and the stored message comes back with
   * `duplicate: true`, whatever the session's status now.
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
  /** Oldest first (timestamp, then id). */
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
  /** Revokes every token of the family; one already revoked keeps its first revoked_at. */
  revokeFamily(familyId: string, at: string): Promise<void>
  /** Revokes every token of every family of the user, as revokeFamily does. */
  revokeForUser(userId: string, at: string): Promise<void>
  /** Whether any token of the family was revoked: then the whole login is over. */
  isFamilyRevoked(familyId: string): Promise<boolean>
}

export interface ApiKeyRecord {
  key_id: string
  /** The user the key acts as. */
  owner_id: string
  name: string
  scopes: Scope[]
  /** Addresses and CIDR ranges the key may be used from; empty means anywhere. */
  allowed_ips: string[]
  /** SHA-256 of the secret, hex; the secret itself is never stored. */
  secret_hash: string
  /** The first characters of the secret, shown to tell keys apart. */
  secret_prefix: string
  /** The HMAC key requests are signed with, as issued: verifying needs it in the clear. */
  signing_secret: string | null
  require_signing: boolean
  /** The secret a rotation replaced, with its signing secret, valid until previous_expires_at. */
  previous_secret_hash: string | null
  previous_signing_secret: string | null
  previous_expires_at: string | null
  created_at: string
  /** null: never expires. */
  expires_at: string | null
  last_used_at: string | null
  revoked_at: string | null
}

/** A new secret for a key; the current one becomes the previous one until `previous_expires_at`. */
export interface ApiKeyRotation {
  secret_hash: string
  secret_prefix: string
  signing_secret: string | null
  previous_expires_at: string
}

export interface ApiKeyQuery extends PageRequest {
  /** Only keys of this user; omit for all. */
  ownerId?: string
}

export interface ApiKeyRepository {
  create(key: ApiKeyRecord): Promise<void>
  get(keyId: string): Promise<ApiKeyRecord | null>
  /** The key whose current or previous secret has this hash. */
  getBySecretHash(secretHash: string): Promise<ApiKeyRecord | null>
  /** Newest first (created_at, then key_id, descending). */
  list(query: ApiKeyQuery): Promise<Page<ApiKeyRecord>>
  /** Marks the key revoked; false when it is unknown or was revoked already (first time kept). */
  revoke(keyId: string, at: string): Promise<boolean>
  /**
   * Compare-and-set: applies the rotation only while the key is unrevoked and its current
   * secret hash is still `currentHash`, so of two concurrent rotations one wins. Returns the
   * rotated key, or null when the key is unknown, revoked or was rotated meanwhile.
   */
  rotate(keyId: string, currentHash: string, rotation: ApiKeyRotation): Promise<ApiKeyRecord | null>
  /** Sets last_used_at to `at` unless it is already later. */
  touch(keyId: string, at: string): Promise<void>
}

export interface PasswordResetRecord {
  /** SHA-256 of the reset token, hex; the token itself is never stored. */
  token_hash: string
  user_id: string
  created_at: string
  expires_at: string
  /** When the token was spent, or superseded by a newer one; null while it may still be used. */
  used_at: string | null
}

export interface PasswordResetRepository {
  create(token: PasswordResetRecord): Promise<void>
  getByHash(tokenHash: string): Promise<PasswordResetRecord | null>
  /** Marks the token used if it was unused; false when someone spent it first. */
  consume(tokenHash: string, at: string): Promise<boolean>
  /** Marks every unused token of the user used, so an older link stops working. */
  revokeForUser(userId: string, at: string): Promise<void>
}

export type LoginAttemptResult =
  | { ok: true }
  /** `limit` attempts since `since` already; `oldest` is the first of them. */
  | { ok: false; oldest: string }

/**
 * Failed sign-ins per account key, shared by every process on the store. An attempt is recorded
 * before the password is checked, so a burst of parallel guesses counts in full.
 */
export interface LoginAttemptRepository {
  /**
   * Atomically: when fewer than `limit` attempts for `key` were recorded at or after `since`,
   * records one at `at` and answers ok; otherwise records nothing. Attempts older than `since`
   * (of any key) may be forgotten.
   */
  begin(
    key: string,
    attempt: { at: string; since: string; limit: number },
  ): Promise<LoginAttemptResult>
  /** Forgets every attempt of the key: the password was right. */
  clear(key: string): Promise<void>
}
