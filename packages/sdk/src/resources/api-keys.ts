import {
  type ApiKey,
  ApiKeyListSchema,
  type ApiKeyWithSecret,
  ApiKeyWithSecretSchema,
} from '@smartsteps/contracts'

import type { Transport } from '../http/transport.js'
import { everyItem } from '../pagination/page-iterator.js'
import type { ApiKeyList, ApiKeyListOptions, CreateApiKeyInput } from '../types.js'
import { apiPath } from './paths.js'

/** API keys acting as their creator. docs/security/api-keys.md */
export class ApiKeysResource {
  constructor(private readonly http: Transport) {}

  /** The answer holds `secret` (and `signing_secret`) this once: store them now. */
  create(input: CreateApiKeyInput): Promise<ApiKeyWithSecret> {
    return this.http.request({
      method: 'POST',
      path: apiPath('keys'),
      body: input,
      schema: ApiKeyWithSecretSchema,
    })
  }

  /** One page of the caller's keys (every user's with `all: true`, admins only), newest first. */
  list(options: ApiKeyListOptions = {}): Promise<ApiKeyList> {
    return this.http.request({
      method: 'GET',
      path: apiPath('keys'),
      query: options,
      schema: ApiKeyListSchema,
    })
  }

  iterate(options: Omit<ApiKeyListOptions, 'page'> = {}): AsyncGenerator<ApiKey, void, undefined> {
    return everyItem(
      async (page) => {
        const { keys, pagination } = await this.list({ ...options, page })
        return { items: keys, pagination }
      },
      (key) => key.key_id,
    )
  }

  /** Revokes at once; revoking twice is no error. */
  revoke(keyId: string): Promise<void> {
    return this.http.request({ method: 'DELETE', path: apiPath('keys', keyId), repeatable: true })
  }

  /** A new secret; the old one keeps working until `previous_secret_expires_at`. */
  rotate(keyId: string): Promise<ApiKeyWithSecret> {
    return this.http.request({
      method: 'POST',
      path: apiPath('keys', keyId, 'rotate'),
      schema: ApiKeyWithSecretSchema,
    })
  }
}
