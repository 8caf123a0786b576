import { createHmac } from 'node:crypto'

import { describe, expect, it } from 'vitest'

import { RequestSigner } from './request-signer.js'
import { signatureTimestamp } from './signature-timestamp.js'

describe('RequestSigner', () => {
  it('gives the worked example of docs/security/request-signing.md', async () => {
    const signer = new RequestSigner('your_api_key_secret')
    const body = '{"client_id":"c12345","persona_id":"dr_morgan_hayes"}'

    expect(await signer.headers(body, '1715438400')).toEqual({
      'x-signature-timestamp': '1715438400',
      'x-signature': 'sha256=3fed85efdb3081c1ad8d6df0ddf33d60817503d7035802900038faaaae96556c',
    })
  })

  it('agrees with node:crypto on a bodiless request and on non-ASCII text', async () => {
    const secret = 'sig_ÅngströmSecret'
    const signer = new RequestSigner(secret)
    const hmac = (message: string) => createHmac('sha256', secret).update(message).digest('hex')

    expect(await signer.digest('1778513400.000001', '')).toBe(hmac('1778513400.000001'))
    expect(await signer.digest('1778513400', '{"first_name":"Zoë"}')).toBe(
      hmac('1778513400{"first_name":"Zoë"}'),
    )
  })
})

describe('signatureTimestamp', () => {
  it('is the current unix second with six decimals that differ from call to call', () => {
    const now = Date.UTC(2026, 4, 11, 15, 30)
    const stamps = Array.from({ length: 1000 }, () => signatureTimestamp(now))

    for (const stamp of stamps) {
      expect(stamp).toMatch(/^1778513400\.\d{6}$/)
    }

    expect(new Set(stamps).size).toBe(1000)
  })
})
