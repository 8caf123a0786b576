import { createHmac } from 'node:crypto'

import { describe, expect, it } from 'vitest'

import { createSignatureVerifier, signatureOf } from './request-signatures.js'

const SECRET = 'sig_test-secret'
const NOW = 1_715_438_400_000

function parts(timestamp: string | undefined, signature: string | undefined, body = '') {
  const bytes = new TextEncoder().encode(body)
  return { timestamp, signature, body: async () => bytes }
}

function signed(body: string, timestamp = String(NOW / 1000), secret = SECRET) {
  return parts(timestamp, signatureOf(secret, timestamp, new TextEncoder().encode(body)), body)
}

describe('request signatures', () => {
  const verifier = (now = () => NOW) => createSignatureVerifier({ toleranceSeconds: 300, now })

  it('computes the same value as the reference Python example', () => {
    // hmac.new(b'your_api_key_secret', f'{ts}{body}'.encode(), hashlib.sha256).hexdigest()
    const body = '{"client_id":"c12345","persona_id":"dr_morgan_hayes"}'

    expect(signatureOf('your_api_key_secret', '1715438400', new TextEncoder().encode(body))).toBe(
      'sha256=3fed85efdb3081c1ad8d6df0ddf33d60817503d7035802900038faaaae96556c',
    )
  })

  it('accepts a request signed with the secret, and upper-case hex', async () => {
    const request = signed('{"a":1}')

    await expect(verifier().verify('key_a', SECRET, request)).resolves.toBeUndefined()
    await expect(
      verifier().verify('key_a', SECRET, {
        ...request,
        signature: request.signature!.toUpperCase().replace('SHA256', 'sha256'),
      }),
    ).resolves.toBeUndefined()
  })

  it('signs the timestamp alone for a request without a body', async () => {
    const timestamp = String(NOW / 1000)
    const expected = `sha256=${createHmac('sha256', SECRET).update(timestamp).digest('hex')}`

    expect(signed('', timestamp).signature).toBe(expected)
    await expect(verifier().verify('key_a', SECRET, signed(''))).resolves.toBeUndefined()
  })

  it('refuses a changed body, another secret and a changed timestamp', async () => {
    const original = signed('{"a":1}')
    const check = verifier()

    await expect(
      check.verify('key_a', SECRET, { ...original, body: signed('{"a":2}').body }),
    ).rejects.toThrow(/does not match/)
    await expect(
      check.verify('key_a', SECRET, signed('{"a":1}', undefined, 'sig_other')),
    ).rejects.toThrow(/does not match/)
    await expect(
      check.verify('key_a', SECRET, { ...original, timestamp: String(NOW / 1000 + 1) }),
    ).rejects.toThrow(/does not match/)
  })

  it('refuses missing headers', async () => {
    await expect(verifier().verify('key_a', SECRET, parts(undefined, undefined))).rejects.toThrow(
      /must be signed/,
    )
    await expect(
      verifier().verify('key_a', SECRET, parts('1715438400', undefined)),
    ).rejects.toThrow(/must be signed/)
    await expect(verifier().verify('key_a', SECRET, parts(undefined, 'sha256=00'))).rejects.toThrow(
      /must be signed/,
    )
  })

  it.each([
    ['empty', ''],
    ['no algorithm', 'a'.repeat(64)],
    ['another algorithm', `md5=${'a'.repeat(64)}`],
    ['not hex', `sha256=${'z'.repeat(64)}`],
    ['too short', `sha256=${'a'.repeat(63)}`],
    ['too long', `sha256=${'a'.repeat(65)}`],
    ['odd and huge', `sha256=${'a'.repeat(10_001)}`],
    ['trailing space', `sha256=${'a'.repeat(64)} `],
    ['two values', `sha256=${'a'.repeat(64)},sha256=${'b'.repeat(64)}`],
  ])('refuses a malformed signature (%s) as authentication_error', async (_name, signature) => {
    await expect(
      verifier().verify('key_a', SECRET, parts(String(NOW / 1000), signature)),
    ).rejects.toMatchObject({
      code: 'authentication_error',
      message: expect.stringMatching(/64 hex/),
    })
  })

  it.each([
    '',
    'yesterday',
    '-1715438400',
    '1715438400.',
    '1e9',
    '0x66',
    '1715438400.1234567',
    ' 1715438400',
  ])('refuses the timestamp %j', async (timestamp) => {
    await expect(verifier().verify('key_a', SECRET, signed('', timestamp))).rejects.toMatchObject({
      code: 'authentication_error',
      message: expect.stringMatching(/unix time/),
    })
  })

  it('accepts timestamps up to the tolerance away, either side, and no further', async () => {
    const check = verifier()
    const seconds = NOW / 1000

    await expect(
      check.verify('key_a', SECRET, signed('', String(seconds - 300))),
    ).resolves.toBeUndefined()
    await expect(
      check.verify('key_a', SECRET, signed('', String(seconds + 300))),
    ).resolves.toBeUndefined()
    await expect(check.verify('key_a', SECRET, signed('', String(seconds - 301)))).rejects.toThrow(
      /300 seconds/,
    )
    await expect(check.verify('key_a', SECRET, signed('', String(seconds + 301)))).rejects.toThrow(
      /300 seconds/,
    )
  })

  it('accepts fractional timestamps, so bodiless requests can be signed often per second', async () => {
    const check = verifier()

    await expect(
      check.verify('key_a', SECRET, signed('', `${NOW / 1000}.25`)),
    ).resolves.toBeUndefined()
    await expect(
      check.verify('key_a', SECRET, signed('', `${NOW / 1000}.5`)),
    ).resolves.toBeUndefined()
  })

  it('refuses a replay, also of concurrent copies, but not the same signature for another key', async () => {
    const check = verifier()
    const request = signed('{"a":1}')
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => check.verify('key_a', SECRET, request)),
    )

    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1)
    await expect(check.verify('key_a', SECRET, request)).rejects.toThrow(/already used/)
    await expect(check.verify('key_b', SECRET, request)).resolves.toBeUndefined()
  })

  it('remembers a signature until its timestamp is out of tolerance, even at the boundary', async () => {
    let now = NOW
    const check = verifier(() => now)
    const request = signed('')

    await check.verify('key_a', SECRET, request)

    now = NOW + 300_000
    await expect(check.verify('key_a', SECRET, request)).rejects.toThrow(/already used/)

    now = NOW + 300_001
    await expect(check.verify('key_a', SECRET, request)).rejects.toThrow(/300 seconds/)
  })

  it('does not remember signatures that failed', async () => {
    const check = verifier()
    const request = signed('{"a":1}')

    await expect(check.verify('key_a', 'sig_wrong', request)).rejects.toThrow(/does not match/)
    await expect(check.verify('key_a', SECRET, request)).resolves.toBeUndefined()
  })
})
