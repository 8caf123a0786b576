/** What went wrong with one request; every kind carries what is needed to find it in server logs. */
export type ApiFailureKind = 'status' | 'contract' | 'network'

export interface ApiFailureInit {
  kind: ApiFailureKind
  method: string
  path: string
  status: number | null
  code: string | null
  requestId: string | null
  detail: string
}

/**
 * One failed request: a non-2xx answer, a body that does not match the contracts, or no answer
 * at all. The replay counts each one as an error.
 */
export class ApiFailure extends Error {
  readonly kind: ApiFailureKind
  readonly method: string
  readonly path: string
  readonly status: number | null
  readonly code: string | null
  readonly requestId: string | null
  readonly detail: string

  constructor(init: ApiFailureInit) {
    super(describeFailure(init))
    this.name = 'ApiFailure'
    this.kind = init.kind
    this.method = init.method
    this.path = init.path
    this.status = init.status
    this.code = init.code
    this.requestId = init.requestId
    this.detail = init.detail
  }
}

function describeFailure(init: ApiFailureInit): string {
  const status = init.status === null ? 'no response' : String(init.status)
  const code = init.code ? ` ${init.code}` : ''
  const requestId = init.requestId ?? 'no request id'

  return `${init.method} ${init.path} -> ${status}${code} (${requestId}): ${init.detail}`
}
