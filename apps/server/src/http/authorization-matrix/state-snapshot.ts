import type { TestServer } from '../../testing/test-server.js'

async function read(server: TestServer, token: string, path: string): Promise<any> {
  const response = await server.call('GET', path, { token })

  if (response.status !== 200) {
    throw new Error(`snapshot read ${path} failed: ${response.status}`)
  }

  return response.body
}

/**
 * Everything a refused call could have changed, read by an admin: users, keys, clients, and
 * each session with its transcript, notes and summary. Keys drop last_used_at, which every
 * authenticated request may move, refused or not.
 */
export async function snapshotState(server: TestServer, adminToken: string) {
  const [users, keys, clients, sessions] = await Promise.all([
    read(server, adminToken, '/api/v1/users?limit=100'),
    read(server, adminToken, '/api/v1/keys?all=true&limit=100'),
    read(server, adminToken, '/api/v1/clients?limit=100'),
    read(server, adminToken, '/api/v1/sessions?limit=100'),
  ])

  const sessionDetails = await Promise.all(
    sessions.sessions.map((session: { session_id: string }) =>
      read(server, adminToken, `/api/v1/sessions/${session.session_id}`),
    ),
  )

  return {
    users,
    keys: keys.keys.map(({ last_used_at: _lastUsed, ...key }: Record<string, unknown>) => key),
    keyCount: keys.pagination.total,
    clients,
    sessionDetails,
  }
}
