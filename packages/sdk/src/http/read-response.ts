import type { z } from 'zod'

import { SmartStepsResponseError } from '../errors/index.js'

export interface ReadOptions<T> {
  schema: z.ZodType<T> | undefined
  validate: boolean
}

function requestIdOf(response: Response): string | null {
  return response.headers.get('x-request-id')
}

/**
 * The body of a successful answer: nothing for a schema-less (204) route, otherwise JSON that
 * must match the contract schema when validation is on.
 */
export function readSuccess<T>(response: Response, text: string, options: ReadOptions<T>): T {
  if (!options.schema) {
    return undefined as T
  }

  let body: unknown

  try {
    body = JSON.parse(text)
  } catch {
    throw new SmartStepsResponseError(
      `HTTP ${response.status} answered with a body that is not JSON`,
      {
        status: response.status,
        requestId: requestIdOf(response),
      },
    )
  }

  if (!options.validate) {
    return body as T
  }

  const parsed = options.schema.safeParse(body)

  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.'),
      message: issue.message,
    }))

    throw new SmartStepsResponseError(
      `The answer does not match the contract: ${issues.map((i) => `${i.path || '(body)'}: ${i.message}`).join('; ')}`,
      { status: response.status, requestId: requestIdOf(response), issues },
    )
  }

  return parsed.data
}
