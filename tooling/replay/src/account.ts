import { randomBytes } from 'node:crypto'

import { UserSchema } from '@smartsteps/contracts'

import { ApiClient } from './api-client.js'

export interface ReplayAccount {
  api: ApiClient
  /** The user the replay runs as. */
  username: string
  /** Set when the replay created a facilitator for this run. */
  createdFacilitator: boolean
}

/**
 * Logs in; an admin then creates a facilitator for this run and the replay continues as it, so
 * the replay exercises the facilitator's view and its records stay apart from other data.
 */
export async function openAccount(
  apiBase: string,
  username: string,
  password: string,
): Promise<ReplayAccount> {
  const api = new ApiClient(apiBase)
  const user = await api.login(username, password)

  if (user.role !== 'admin') {
    return { api, username, createdFacilitator: false }
  }

  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14)
  const facilitatorName = `replay-${stamp}-${randomBytes(3).toString('hex')}`
  const facilitator = {
    username: facilitatorName,
    email: `${facilitatorName}@example.test`,
    // Used for this one login only and never printed.
    password: randomBytes(24).toString('base64url'),
    role: 'facilitator',
  }
  await api.request('POST', '/users', facilitator, UserSchema, 201)

  const replayApi = new ApiClient(apiBase)
  await replayApi.login(facilitator.username, facilitator.password)

  return { api: replayApi, username: facilitator.username, createdFacilitator: true }
}
