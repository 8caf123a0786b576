import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type {
  MessageRecord,
  RefreshTokenRecord,
  SessionRecord,
  Storage,
  UserRecord,
} from '../../ports/storage.js'
import { storeSession } from '../conformance/harness.js'
import { messageRecord, noteRecord, refreshTokenRecord, tick, userRecord } from '../fixtures.js'
import { openDatabase } from './database.js'
import { createSqliteStorage } from './index.js'
import { dataDirs } from './testing/data-dirs.js'

/**
 * Proves that operations touch only the rows they need, without timing anything: every
 * statement the adapter really runs for an operation is captured (parameters filled in) and
 * its EXPLAIN QUERY PLAN inspected.
 *
 * - seek: every table is reached by an index or primary-key SEARCH, and nothing is sorted.
 * - in order: unfiltered listings walk an index in listing order and stop at the page (their
 *   total counts over a covering index); no table scan, nothing sorted.
 * - seek, sorted: several statuses at once are each found by index, then merged by a sort.
 *
 * `uses` names the index range an operation must read through, where a SEARCH on a weaker
 * prefix (a whole transcript instead of one message, say) would also pass the rules above.
 */
type Access = 'seek' | 'in order' | 'seek, sorted'

interface Case {
  name: string
  access: Access
  uses?: string
  run(): Promise<unknown>
}

const TABLE = /\b(users|clients|sessions|messages|notes|refresh_tokens)\b/
const UNPLANNED = /^\s*(BEGIN|COMMIT|ROLLBACK|PRAGMA|SAVEPOINT|RELEASE)\b/i

function violations(plan: string[], access: Access): string[] {
  return plan.filter((step) => {
    if (step.includes('TEMP B-TREE')) {
      return access !== 'seek, sorted'
    }

    if (!step.startsWith('SCAN ') || !TABLE.test(step)) {
      return false
    }

    return access !== 'in order' || !/USING (COVERING )?INDEX/.test(step)
  })
}

describe('sqlite query plans', () => {
  const dirs = dataDirs()
  const captured: string[] = []
  let capturing = false
  let storage: Storage
  let explainer: ReturnType<typeof openDatabase>
  let user: UserRecord
  let session: SessionRecord
  let message: MessageRecord
  let token: RefreshTokenRecord

  beforeAll(async () => {
    const dataDir = await dirs.make()

    storage = createSqliteStorage({
      dataDir,
      verbose: (sql) => capturing && !UNPLANNED.test(sql) && captured.push(sql),
    })
    explainer = openDatabase(dataDir)

    user = userRecord()
    session = await storeSession(storage)
    message = { ...messageRecord(session.session_id, 'hello'), client_message_id: 'k-1' }
    token = refreshTokenRecord('fam_plan')
    await storage.users.create(user)
    await storage.refreshTokens.create(token)
    await storage.messages.appendToActiveSession(session.session_id, [message])
  })

  afterAll(async () => {
    await storage.close()
    explainer.close()
    await dirs.removeAll()
  })

  async function plansOf(run: () => Promise<unknown>) {
    captured.length = 0
    capturing = true

    try {
      await run()
    } finally {
      capturing = false
    }

    return captured.map((sql) => ({
      sql,
      plan: explainer
        .prepare<[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
        .all()
        .map((row) => row.detail),
    }))
  }

  const page = { offset: 20, limit: 20 }
  const cases: Case[] = [
    { name: 'users.get', access: 'seek', run: () => storage.users.get(user.user_id) },
    {
      name: 'users.getByUsername',
      access: 'seek',
      run: () => storage.users.getByUsername(user.username),
    },
    { name: 'clients.get', access: 'seek', run: () => storage.clients.get(session.client_id) },
    {
      name: 'clients.update',
      access: 'seek',
      run: () => storage.clients.update(session.client_id, { updated_at: tick() }),
    },
    {
      name: 'clients.list by owner',
      access: 'seek',
      uses: 'clients_by_owner (created_by=?)',
      run: () => storage.clients.list({ createdBy: 'usr_owner', ...page }),
    },
    {
      name: 'clients.list by owner with search',
      access: 'seek',
      uses: 'clients_by_owner (created_by=?)',
      run: () => storage.clients.list({ createdBy: 'usr_owner', search: 'rob', ...page }),
    },
    {
      name: 'clients.list of everyone',
      access: 'in order',
      uses: 'clients_by_time',
      run: () => storage.clients.list(page),
    },
    {
      name: 'clients.sessionCounts',
      access: 'seek',
      uses: 'sessions_by_client (client_id=?)',
      run: () => storage.clients.sessionCounts(session.client_id),
    },
    {
      name: 'clients.sessionCounts for one owner',
      access: 'seek',
      uses: 'sessions_by_client (client_id=?)',
      run: () => storage.clients.sessionCounts(session.client_id, 'usr_owner'),
    },
    { name: 'sessions.get', access: 'seek', run: () => storage.sessions.get(session.session_id) },
    {
      name: 'sessions.update',
      access: 'seek',
      run: () => storage.sessions.update(session.session_id, { updated_at: tick() }),
    },
    {
      name: 'sessions.list by owner',
      access: 'seek',
      uses: 'sessions_by_owner (created_by=?)',
      run: () => storage.sessions.list({ createdBy: 'usr_owner', ...page }),
    },
    {
      name: 'sessions.list by client',
      access: 'seek',
      uses: 'sessions_by_client (client_id=?)',
      run: () => storage.sessions.list({ clientId: session.client_id, ...page }),
    },
    {
      name: 'sessions.list by status',
      access: 'seek',
      uses: 'sessions_by_status (status=?)',
      run: () => storage.sessions.list({ statuses: ['active'], ...page }),
    },
    {
      name: 'sessions.list by owner and statuses',
      access: 'seek',
      run: () =>
        storage.sessions.list({
          createdBy: 'usr_owner',
          statuses: ['active', 'completed'],
          ...page,
        }),
    },
    {
      name: 'sessions.list by client and statuses',
      access: 'seek',
      run: () =>
        storage.sessions.list({
          clientId: session.client_id,
          statuses: ['scheduled', 'active'],
          ...page,
        }),
    },
    {
      name: 'sessions.list by several statuses',
      access: 'seek, sorted',
      uses: 'sessions_by_status (status=?)',
      run: () => storage.sessions.list({ statuses: ['active', 'completed'], ...page }),
    },
    {
      name: 'sessions.list of everyone',
      access: 'in order',
      uses: 'sessions_by_time',
      run: () => storage.sessions.list(page),
    },
    {
      name: 'sessions.listByClient',
      access: 'seek',
      uses: 'sessions_by_client (client_id=?)',
      run: () => storage.sessions.listByClient(session.client_id),
    },
    {
      name: 'messages.appendToActiveSession',
      access: 'seek',
      uses: 'messages_by_client_message_id (session_id=? AND client_message_id=?)',
      run: () =>
        storage.messages.appendToActiveSession(session.session_id, [
          { ...messageRecord(session.session_id, 'more'), client_message_id: 'k-2' },
        ]),
    },
    {
      name: 'messages.list',
      access: 'seek',
      uses: 'PRIMARY KEY (session_id=?)',
      run: () => storage.messages.list(session.session_id, { limit: 50 }),
    },
    {
      name: 'messages.list after a cursor',
      access: 'seek',
      uses: 'PRIMARY KEY (session_id=? AND seq>?)',
      run: () => storage.messages.list(session.session_id, { after: message.id, limit: 50 }),
    },
    {
      name: 'messages.tail',
      access: 'seek',
      uses: 'PRIMARY KEY (session_id=?)',
      run: () => storage.messages.tail(session.session_id, 12),
    },
    {
      name: 'messages.findReply',
      access: 'seek',
      uses: 'messages_by_reply_to (in_reply_to=?',
      run: () => storage.messages.findReply(session.session_id, message.id),
    },
    {
      name: 'notes.add',
      access: 'seek',
      run: () => storage.notes.add(noteRecord(session.session_id)),
    },
    {
      name: 'notes.list',
      access: 'seek',
      uses: 'notes_by_session (session_id=?)',
      run: () => storage.notes.list(session.session_id),
    },
    {
      name: 'refreshTokens.getByHash',
      access: 'seek',
      run: () => storage.refreshTokens.getByHash(token.token_hash),
    },
    {
      name: 'refreshTokens.markUsed',
      access: 'seek',
      run: () => storage.refreshTokens.markUsed(token.token_id, tick()),
    },
    {
      name: 'refreshTokens.revokeFamily',
      access: 'seek',
      uses: 'refresh_tokens_by_family (family_id=?)',
      run: () => storage.refreshTokens.revokeFamily('fam_plan', tick()),
    },
    {
      name: 'sessions.transition',
      access: 'seek',
      run: () =>
        storage.sessions.transition(session.session_id, {
          from: ['active'],
          to: 'completed',
          at: tick(),
        }),
    },
    {
      name: 'clients.delete',
      access: 'seek',
      uses: 'sessions_by_client (client_id=?)',
      run: () => storage.clients.delete(session.client_id),
    },
  ]

  // In this order: the later cases change what the earlier ones read.
  for (const { name, access, uses, run } of cases) {
    it(`${name}: ${access}`, async () => {
      const statements = await plansOf(run)

      expect(statements).not.toEqual([])

      for (const { sql, plan } of statements) {
        expect({ sql, violations: violations(plan, access) }).toEqual({ sql, violations: [] })
      }

      if (uses) {
        expect(statements.flatMap(({ plan }) => plan).join('\n')).toContain(uses)
      }
    })
  }
})
