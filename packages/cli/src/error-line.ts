import { SmartStepsError, SmartStepsNetworkError, SmartStepsResponseError } from '@smartsteps/sdk'

import { printable } from './printable.js'

/** The one line printed for a failure: never a stack trace, always the request id if any. */
export function errorLine(error: unknown): string {
  if (error instanceof SmartStepsError) {
    return line(`${error.message} (${error.code}, request ${error.requestId ?? 'unknown'})`)
  }

  if (error instanceof SmartStepsResponseError) {
    return line(`${error.message} (invalid_response, request ${error.requestId ?? 'unknown'})`)
  }

  if (error instanceof SmartStepsNetworkError) {
    return line(`${error.message} (network_error)`)
  }

  return line(error instanceof Error ? error.message : String(error))
}

function line(message: string): string {
  return `error: ${printable(message)}\n`
}
