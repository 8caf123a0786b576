/** A failed REST call, with what the server answered. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    method: string,
    path: string,
    body: string,
  ) {
    super(`${method} ${path} answered ${status}: ${body.slice(0, 300)}`)
    this.name = 'ApiError'
  }
}

export interface Api {
  call<T>(method: string, path: string, body?: unknown): Promise<T>
}

/** JSON in and out against the server at `origin`, with the access token when there is one. */
export function createApi(origin: string, token?: string): Api {
  return {
    async call<T>(method: string, path: string, body?: unknown): Promise<T> {
      const headers: Record<string, string> = {}

      if (token) {
        headers.authorization = `Bearer ${token}`
      }

      if (body !== undefined) {
        headers['content-type'] = 'application/json'
      }

      const response = await fetch(origin + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
      })
      const text = await response.text()

      if (!response.ok) {
        throw new ApiError(response.status, method, path, text)
      }

      return (text ? JSON.parse(text) : null) as T
    },
  }
}

export async function login(origin: string, username: string, password: string) {
  const answer = await createApi(origin).call<{ token: string }>('POST', '/api/v1/auth/login', {
    username,
    password,
  })

  return answer.token
}

export const LOAD_PERSONA = 'dr_alex_rivera'

/** One client and one started session with the load persona; resolves with the session id. */
export async function createActiveSession(api: Api, number: number): Promise<string> {
  const { client_id } = await api.call<{ client_id: string }>('POST', '/api/v1/clients', {
    first_name: 'Load',
    last_name: `Client ${number}`,
  })
  const { session_id } = await api.call<{ session_id: string }>('POST', '/api/v1/sessions', {
    client_id,
    persona_id: LOAD_PERSONA,
  })

  await api.call('POST', `/api/v1/sessions/${session_id}/start`)
  return session_id
}
