import type { FetchFunction } from '../http/transport.js'

export interface RecordedCall {
  method: string
  path: string
  query: string
  headers: Record<string, string>
  body: string | undefined
  status: number | null
}

/**
 * The global fetch, recording every call the SDK makes. `before` may rewrite a request on its
 * way out; `after` may replace what comes back (throw to lose the answer).
 */
export function recordingFetch(
  hooks: {
    before?: (call: RecordedCall) => RecordedCall
    after?: (call: RecordedCall, response: Response) => Response | Promise<Response>
  } = {},
) {
  const calls: RecordedCall[] = []

  const fetch: FetchFunction = async (input, init) => {
    let call: RecordedCall = {
      method: init.method ?? 'GET',
      path: new URL(input).pathname,
      query: new URL(input).search,
      headers: { ...(init.headers as Record<string, string>) },
      body: init.body as string | undefined,
      status: null,
    }

    call = hooks.before ? hooks.before(call) : call
    calls.push(call)

    const response = await globalThis.fetch(input, {
      ...init,
      headers: call.headers,
      body: call.body,
    })
    call.status = response.status

    return hooks.after ? hooks.after(call, response) : response
  }

  return {
    fetch,
    calls,
    to: (method: string, path: string) =>
      calls.filter((call) => call.method === method && call.path === path),
  }
}
