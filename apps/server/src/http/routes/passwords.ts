import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'

import {
  ChangePasswordRequestSchema,
  PasswordResetAcceptedSchema,
  PasswordResetConfirmRequestSchema,
  PasswordResetRequestSchema,
  TokenResponseSchema,
} from '@smartsteps/contracts'

import type { Services } from '../../composition.js'
import { answerSent } from '../answer-sent.js'
import type { AppEnv } from '../env.js'
import {
  AUTHENTICATED_ERRORS,
  BEARER_SECURITY,
  BODY_ERRORS,
  errorResponses,
  jsonBody,
  jsonResponse,
} from './route-helpers.js'

const common = { tags: ['auth'] }

const changePassword = createRoute({
  ...common,
  // No scope: every role may change its own password, but only with a session token.
  security: BEARER_SECURITY,
  method: 'post',
  path: '/api/v1/auth/password',
  summary: 'Change your own password',
  description:
    'Needs an access token from /auth/login (API keys and external tokens are refused with 403) and the current password. Ends every login of the account, this one included, and answers with a new login. Wrong current passwords count towards the sign-in lockout.',
  request: jsonBody(ChangePasswordRequestSchema),
  responses: {
    200: jsonResponse(TokenResponseSchema, 'A new access token and refresh token'),
    ...errorResponses(...AUTHENTICATED_ERRORS, 'conflict', ...BODY_ERRORS),
  },
})

const requestReset = createRoute({
  ...common,
  method: 'post',
  path: '/api/v1/auth/password/reset',
  summary: 'Ask for a password reset link',
  description:
    'Answers 202 with the same body, in about the same time, whether or not an account matches. For a matching active account with a password, a single-use link valid for 30 minutes (configurable) goes out through the server’s notifier; earlier links of the account stop working.',
  request: jsonBody(PasswordResetRequestSchema),
  responses: {
    202: jsonResponse(
      PasswordResetAcceptedSchema,
      'Accepted; whether an account matched is not said',
    ),
    ...errorResponses(...BODY_ERRORS),
  },
})

const confirmReset = createRoute({
  ...common,
  method: 'post',
  path: '/api/v1/auth/password/reset/confirm',
  summary: 'Set a new password with a reset token',
  description:
    'The token works once, until it expires. Every login of the account ends; sign in again with the new password. An unknown, used or expired token is 401; a password the policy refuses is 422 and leaves the token usable.',
  request: jsonBody(PasswordResetConfirmRequestSchema),
  responses: {
    204: { description: 'The password is set' },
    ...errorResponses('authentication_error', ...BODY_ERRORS),
  },
})

const ACCEPTED = {
  status: 'accepted' as const,
  message: 'If an account matches, a reset link has been sent to its email address',
}

export function registerPasswordRoutes(app: OpenAPIHono<AppEnv>, services: Services) {
  app.openapi(changePassword, async (c) => {
    return c.json(await services.passwords.change(c.get('actor'), c.req.valid('json')), 200)
  })

  app.openapi(requestReset, (c) => {
    // The lookup waits for the answer to be sent, so the answer cannot tell what it found.
    services.passwordResets.request(c.req.valid('json'), answerSent(c))
    return c.json(ACCEPTED, 202)
  })

  app.openapi(confirmReset, async (c) => {
    await services.passwordResets.confirm(c.req.valid('json'))
    return c.body(null, 204)
  })
}
