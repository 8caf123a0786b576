import type { Database } from 'better-sqlite3'

/**
 * Ordered migrations; the database's `user_version` says how many have run. Append only: a
 * released migration is never edited, a change is a new entry.
 */
const MIGRATIONS: string[] = [
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
]

/**
 * Brings the schema up to date. BEGIN IMMEDIATE takes the write lock before reading the
 * version, so two processes starting together run each migration exactly once.
 */
export function migrate(db: Database): void {
  db.transaction(() => {
    const current = db.pragma('user_version', { simple: true }) as number

    if (current > MIGRATIONS.length) {
      throw new Error(
        `The data directory was written by a newer Smart Steps (schema ${current}, this one knows ${MIGRATIONS.length}); upgrade the server`,
      )
    }

    for (const migration of MIGRATIONS.slice(current)) {
      db.exec(migration)
    }

    db.pragma(`user_version = ${MIGRATIONS.length}`)
  }).immediate()
}
