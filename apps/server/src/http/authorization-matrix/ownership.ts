import type { RoleName } from '@smartsteps/contracts'

/** Kinds of objects that belong to the user who created them, named by their id parameter. */
export type OwnedParam = 'client_id' | 'session_id' | 'key_id'

export const OWNED_PARAMS: readonly OwnedParam[] = ['client_id', 'session_id', 'key_id']

/**
 * Whose objects each role may reach besides its own, as the docs promise: admins and
 * supervisors every client and session (case review); API keys belong to their owner alone,
 * except that admins may list and revoke anyone's (docs/security/api-keys.md), so admins are
 * never "another owner" here.
 */
const REACHES_OTHERS: Record<RoleName, readonly OwnedParam[]> = {
  admin: OWNED_PARAMS,
  supervisor: ['client_id', 'session_id'],
  facilitator: [],
}

export function reachesOthers(role: RoleName, param: OwnedParam): boolean {
  return REACHES_OTHERS[role].includes(param)
}
