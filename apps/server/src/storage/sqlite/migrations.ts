/**
 * The schema as ordered migrations; a database's `user_version` says how many have run.
 * Append only: a migration that has shipped is never edited, a change is a new entry.
 *
 * Columns that records are filtered or sorted by are real, indexed columns; nested fields
 * (metadata, goals, risk, insights) are JSON text. Messages are keyed by (session_id, seq), a
 * per-session counter, so a transcript page or its tail is one range read of the primary key.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE users (
    user_id TEXT PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    email TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL,
    active INTEGER NOT NULL,
    password_hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );

  CREATE TABLE clients (
    client_id TEXT PRIMARY KEY,
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    email TEXT,
    phone TEXT,
    date_of_birth TEXT,
    metadata TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX clients_by_owner ON clients (created_by, created_at DESC, client_id DESC);
  CREATE INDEX clients_by_time ON clients (created_at DESC, client_id DESC);

  CREATE TABLE sessions (
    session_id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL REFERENCES clients (client_id) ON DELETE CASCADE,
    persona_id TEXT NOT NULL,
    status TEXT NOT NULL,
    goals TEXT NOT NULL,
    duration_minutes INTEGER NOT NULL,
    scheduled_at TEXT NOT NULL,
    started_at TEXT,
    ended_at TEXT,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    message_count INTEGER NOT NULL,
    risk TEXT NOT NULL,
    summary TEXT,
    insights TEXT NOT NULL,
    metadata TEXT NOT NULL
  );
  CREATE INDEX sessions_by_owner ON sessions (created_by, scheduled_at DESC, session_id DESC);
  CREATE INDEX sessions_by_client ON sessions (client_id, scheduled_at DESC, session_id DESC);
  CREATE INDEX sessions_by_status ON sessions (status, scheduled_at DESC, session_id DESC);
  CREATE INDEX sessions_by_time ON sessions (scheduled_at DESC, session_id DESC);

  CREATE TABLE messages (
    session_id TEXT NOT NULL REFERENCES sessions (session_id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    id TEXT NOT NULL UNIQUE,
    sender_type TEXT NOT NULL,
    sender_id TEXT NOT NULL,
    content TEXT NOT NULL,
    timestamp TEXT NOT NULL,
    PRIMARY KEY (session_id, seq)
  ) WITHOUT ROWID;

  CREATE TABLE notes (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions (session_id) ON DELETE CASCADE,
    content TEXT NOT NULL,
    timestamp TEXT NOT NULL,
    author TEXT NOT NULL
  );
  CREATE INDEX notes_by_session ON notes (session_id, timestamp, id);

  CREATE TABLE refresh_tokens (
    token_id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    user_id TEXT NOT NULL,
    family_id TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    used_at TEXT,
    revoked_at TEXT
  );
  CREATE INDEX refresh_tokens_by_family ON refresh_tokens (family_id);
  `,
  `
  ALTER TABLE messages ADD COLUMN client_message_id TEXT;
  ALTER TABLE messages ADD COLUMN in_reply_to TEXT;
  CREATE UNIQUE INDEX messages_by_client_message_id ON messages (session_id, client_message_id)
    WHERE client_message_id IS NOT NULL;
  CREATE INDEX messages_by_reply ON messages (session_id, in_reply_to)
    WHERE in_reply_to IS NOT NULL;
  `,
  // The planner preferred the primary key's (session_id) range to messages_by_reply, so finding
  // a reply read the whole transcript. Message ids are unique across sessions: leading with
  // in_reply_to makes the lookup a single seek.
  `
  DROP INDEX messages_by_reply;
  CREATE INDEX messages_by_reply_to ON messages (in_reply_to) WHERE in_reply_to IS NOT NULL;
  `,
  // API keys: only hashes of secrets. Lookups by either the current or the previous secret (kept
  // through a rotation's grace period) are index seeks; SQLite lets many NULLs share a UNIQUE.
  `
  CREATE TABLE api_keys (
    key_id TEXT PRIMARY KEY,
    owner_id TEXT NOT NULL,
    name TEXT NOT NULL,
    scopes TEXT NOT NULL,
    allowed_ips TEXT NOT NULL,
    secret_hash TEXT NOT NULL UNIQUE,
    secret_prefix TEXT NOT NULL,
    signing_secret TEXT,
    require_signing INTEGER NOT NULL,
    previous_secret_hash TEXT UNIQUE,
    previous_signing_secret TEXT,
    previous_expires_at TEXT,
    created_at TEXT NOT NULL,
    expires_at TEXT,
    last_used_at TEXT,
    revoked_at TEXT
  );
  CREATE INDEX api_keys_by_owner ON api_keys (owner_id, created_at DESC, key_id DESC);
  CREATE INDEX api_keys_by_time ON api_keys (created_at DESC, key_id DESC);
  `,
  // Users and passwords: external (OpenID Connect) accounts, admin listings, the last-admin
  // check, reset tokens (hashes only) and failed sign-ins. SQLite cannot drop the NOT NULL of
  // users.password_hash, so an account without a password stores '' there (sqlite/users.ts).
  `
  ALTER TABLE users ADD COLUMN external_subject TEXT;
  CREATE UNIQUE INDEX users_by_external_subject ON users (external_subject)
    WHERE external_subject IS NOT NULL;
  CREATE INDEX users_by_time ON users (created_at DESC, user_id DESC);
  CREATE INDEX users_by_role ON users (role, active);

  CREATE INDEX refresh_tokens_by_user ON refresh_tokens (user_id);

  CREATE TABLE password_resets (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT
  );
  CREATE INDEX password_resets_by_user ON password_resets (user_id) WHERE used_at IS NULL;
  CREATE INDEX password_resets_by_expiry ON password_resets (expires_at);

  CREATE TABLE login_attempts (
    key TEXT NOT NULL,
    attempted_at TEXT NOT NULL
  );
  CREATE INDEX login_attempts_by_key ON login_attempts (key, attempted_at);
  CREATE INDEX login_attempts_by_time ON login_attempts (attempted_at);
  `,
  // Who typed a message through the API, so a transcript shows when a person wrote as the
  // client or the persona.
  `
  ALTER TABLE messages ADD COLUMN posted_by TEXT;
  `,
]
