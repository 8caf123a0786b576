export interface ContractIssue {
  path: string
  message: string
}

/**
 * The server answered with success, but not with what the contracts say: the SDK and the server
 * have drifted apart (or something between them rewrote the answer). Turn response validation
 * off only to read such answers anyway.
 */
export class SmartStepsResponseError extends Error {
  override readonly name = 'SmartStepsResponseError'
  /** The HTTP status; null for a realtime frame. */
  readonly status: number | null
  readonly requestId: string | null
  readonly issues: ContractIssue[]

  constructor(
    message: string,
    init: { status: number | null; requestId: string | null; issues?: ContractIssue[] },
  ) {
    super(message)
    this.status = init.status
    this.requestId = init.requestId
    this.issues = init.issues ?? []
  }
}
