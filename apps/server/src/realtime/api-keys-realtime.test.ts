import { REALTIME_CLOSE_CODES } from '@smartsteps/contracts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { newId } from '../domain/ids.js'
import { hashSecret } from '../services/api-key-secrets.js'
import {
  callWithKey,
  createKey,
  securityConfig,
  signatureHeaders,
  uniqueTimestamp,
} from '../testing/api-keys.js'
import { startTestServer, type TestServer } from '../testing/test-server.js'
import { ackOf, openSocket, type TestSocket } from '../testing/ws-client.js'

const LIVE_SCOPES = ['realtime:connect', 'sessions:read', 'sessions:write', 'clients:write']

describe('API keys on the WebSocket', () => {
  let server: TestServer
  let token: string
  let wsUrl: string
  const sockets: TestSocket[] = []

  beforeAll(async () => {
    server = await startTestServer({
      security: securityConfig({ api_keys: { rotation_grace_seconds: 1 } }),
    })
    token = await server.facilitator('live.keys')
    wsUrl = `${server.url.replace('http', 'ws')}/ws`
  })

  afterAll(async () => {
    sockets.forEach((socket) => socket.close())
    await server.close()
  })

  async function connect(options: Parameters<typeof openSocket>[1], url = wsUrl) {
    const socket = await openSocket(url, options)
    sockets.push(socket)
    return socket
  }

  async function activeSession() {
    return (await server.activeSession(token)).sessionId
  }

  const revoke = (keyId: string) => server.call('DELETE', `/api/v1/keys/${keyId}`, { token })

  it('connects with a key and closes with 4401 the moment the key is revoked', async () => {
    const key = await createKey(server, token, { name: 'Console', scopes: LIVE_SCOPES })
    const socket = await connect({ token: key.secret })
    const sessionId = await activeSession()

    socket.send({ type: 'join_session', id: 'join-1', data: { session_id: sessionId } })
    expect(await socket.next(ackOf('join-1'))).toMatchObject({ type: 'ack' })

    await revoke(key.key_id)

    expect(await socket.closed).toEqual({
      code: REALTIME_CLOSE_CODES.credentialsExpired,
      reason: 'credential revoked',
    })
  })

  it('closes every socket of the revoked key and no other', async () => {
    const doomed = await createKey(server, token, { name: 'Doomed', scopes: LIVE_SCOPES })
    const kept = await createKey(server, token, { name: 'Kept', scopes: LIVE_SCOPES })
    const first = await connect({ token: doomed.secret })
    const second = await connect({ token: doomed.secret })
    const other = await connect({ token: kept.secret })
    const viaToken = await connect({ token })

    await revoke(doomed.key_id)

    expect((await first.closed).code).toBe(4401)
    expect((await second.closed).code).toBe(4401)
    expect(other.socket.readyState).toBe(other.socket.OPEN)
    expect(viaToken.socket.readyState).toBe(viaToken.socket.OPEN)
  })

  it('closes a socket opened with a ticket the key obtained', async () => {
    const key = await createKey(server, token, { name: 'Browser', scopes: LIVE_SCOPES })
    const ticket = await callWithKey(server, 'POST', '/api/v1/realtime/tickets', key)
    const socket = await connect({}, `${wsUrl}?ticket=${ticket.body.ticket}`)

    await revoke(key.key_id)

    expect((await socket.closed).code).toBe(4401)
  })

  it('refuses revoked keys, keys without realtime:connect and addresses off the allow-list', async () => {
    const revoked = await createKey(server, token, { name: 'Revoked', scopes: LIVE_SCOPES })
    const narrow = await createKey(server, token, { name: 'Narrow', scopes: ['sessions:read'] })
    const fenced = await createKey(server, token, {
      name: 'Fenced',
      scopes: LIVE_SCOPES,
      allowed_ips: ['10.0.0.0/8'],
    })
    const local = await createKey(server, token, {
      name: 'Local',
      scopes: LIVE_SCOPES,
      allowed_ips: ['127.0.0.0/8', '::1'],
    })
    await revoke(revoked.key_id)

    await expect(connect({ token: revoked.secret })).rejects.toMatchObject({ status: 401 })
    await expect(connect({ token: narrow.secret })).rejects.toMatchObject({ status: 403 })
    await expect(connect({ token: fenced.secret })).rejects.toMatchObject({ status: 403 })
    await expect(connect({ token: local.secret })).resolves.toBeDefined()
  })

  it('requires a signed upgrade from a key that requires signing', async () => {
    const created = await createKey(server, token, {
      name: 'Signed live',
      scopes: LIVE_SCOPES,
      signing: true,
      require_signing: true,
    })
    const signed = signatureHeaders(created.signing_secret!, '', uniqueTimestamp())
    const forged = { ...signed, 'x-signature': `sha256=${'0'.repeat(64)}` }

    await expect(connect({ token: created.secret })).rejects.toMatchObject({ status: 401 })
    await expect(connect({ token: created.secret, headers: forged })).rejects.toMatchObject({
      status: 401,
    })
    await expect(connect({ token: created.secret, headers: signed })).resolves.toBeDefined()
    await expect(connect({ token: created.secret, headers: signed })).rejects.toMatchObject({
      status: 401,
    })
  })

  it('closes with 4401 when the key expires', async () => {
    const secret = `sk_ss_${'E'.repeat(16)}${Date.now()}`.padEnd(38, 'x')
    const expiresAt = Date.now() + 1500
    const { storage } = server.services
    const owner = (await storage.users.getByUsername('live.keys'))!

    await storage.apiKeys.create({
      key_id: newId('apiKey'),
      owner_id: owner.user_id,
      name: 'About to expire',
      scopes: ['realtime:connect'],
      allowed_ips: [],
      secret_hash: hashSecret(secret),
      secret_prefix: secret.slice(0, 10),
      signing_secret: null,
      require_signing: false,
      previous_secret_hash: null,
      previous_signing_secret: null,
      previous_expires_at: null,
      created_at: new Date().toISOString(),
      expires_at: new Date(expiresAt).toISOString(),
      last_used_at: null,
      revoked_at: null,
    })

    const socket = await connect({ token: secret })

    expect((await socket.closed).code).toBe(4401)
    // Timers may fire a millisecond early; what matters is that it did not close at once.
    expect(Date.now()).toBeGreaterThanOrEqual(expiresAt - 5)
  })

  it('closes a socket opened with a rotated-out secret when its grace period ends', async () => {
    const key = await createKey(server, token, { name: 'Rotating live', scopes: LIVE_SCOPES })
    await server.call('POST', `/api/v1/keys/${key.key_id}/rotate`, { token })

    const socket = await connect({ token: key.secret })

    expect((await socket.closed).code).toBe(4401)
  })

  it('regression: a 90-day key’s socket closed at once, its expiry overflowing setTimeout', async () => {
    const key = await createKey(server, token, { name: 'Long-lived', scopes: LIVE_SCOPES })
    const socket = await connect({ token: key.secret })

    await new Promise((resolve) => setTimeout(resolve, 200))

    expect(socket.socket.readyState).toBe(socket.socket.OPEN)
  })
})
