import { newId } from '../domain/ids.js'
import type {
  ClientRecord,
  MessageRecord,
  NoteRecord,
  PasswordResetRecord,
  RefreshTokenRecord,
  SessionRecord,
  UserRecord,
} from '../ports/storage.js'

let clock = Date.parse('2026-01-01T00:00:00.000Z')

/** Strictly increasing timestamps, so ordering assertions never depend on the wall clock. */
export function tick(): string {
  clock += 1000
  return new Date(clock).toISOString()
}

export function userRecord(overrides: Partial<UserRecord> = {}): UserRecord {
  const at = tick()
  const id = newId('user')

  return {
    user_id: id,
    username: `user_${id.slice(-8)}`,
    email: `${id.slice(-8)}@example.test`,
    role: 'facilitator',
    active: true,
    password_hash: 'scrypt$1$1$1$c2FsdA==$aGFzaA==',
    external_subject: null,
    created_at: at,
    updated_at: at,
    ...overrides,
  }
}

export function clientRecord(
  createdBy: string,
  overrides: Partial<ClientRecord> = {},
): ClientRecord {
  const at = tick()

  return {
    client_id: newId('client'),
    first_name: 'Robin',
    last_name: 'Ashby',
    email: null,
    phone: null,
    date_of_birth: null,
    metadata: { referred_by: 'gp', nested: { list: [1, 'two', null] } },
    created_at: at,
    created_by: createdBy,
    updated_at: at,
    ...overrides,
  }
}

export function sessionRecord(
  client: ClientRecord,
  overrides: Partial<SessionRecord> = {},
): SessionRecord {
  const at = tick()

  return {
    session_id: newId('session'),
    client_id: client.client_id,
    persona_id: 'dr_morgan_hayes',
    status: 'scheduled',
    goals: ['sleep better'],
    duration_minutes: 50,
    scheduled_at: at,
    started_at: null,
    ended_at: null,
    created_at: at,
    created_by: client.created_by,
    updated_at: at,
    message_count: 0,
    risk: { flagged: false, categories: [], first_flagged_at: null, message_ids: [] },
    summary: null,
    insights: [],
    metadata: {},
    ...overrides,
  }
}

export function messageRecord(sessionId: string, content: string): MessageRecord {
  return {
    id: newId('message'),
    session_id: sessionId,
    sender_type: 'client',
    sender_id: 'cli_x',
    content,
    timestamp: tick(),
  }
}

export function noteRecord(sessionId: string, overrides: Partial<NoteRecord> = {}): NoteRecord {
  return {
    id: newId('note'),
    session_id: sessionId,
    content: 'Client named a first small step.',
    timestamp: tick(),
    author: 'usr_author',
    ...overrides,
  }
}

export function refreshTokenRecord(
  familyId: string,
  overrides: Partial<RefreshTokenRecord> = {},
): RefreshTokenRecord {
  const at = tick()

  return {
    token_id: newId('refreshToken'),
    token_hash: newId('refreshToken').slice(4).padEnd(64, '0'),
    user_id: 'usr_owner',
    family_id: familyId,
    expires_at: at,
    created_at: at,
    used_at: null,
    revoked_at: null,
    ...overrides,
  }
}

export function passwordResetRecord(
  userId: string,
  overrides: Partial<PasswordResetRecord> = {},
): PasswordResetRecord {
  const at = tick()

  return {
    token_hash: newId('refreshToken').slice(4).padEnd(64, 'f'),
    user_id: userId,
    created_at: at,
    expires_at: new Date(Date.parse(at) + 30 * 60_000).toISOString(),
    used_at: null,
    ...overrides,
  }
}
