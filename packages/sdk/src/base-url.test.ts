import { describe, expect, it } from 'vitest'

import { normaliseBaseUrl, realtimeUrlOf } from './base-url.js'
import { SmartSteps } from './smart-steps.js'

describe('normaliseBaseUrl', () => {
  it('keeps the server root, with or without a trailing /api/v1 or slash', () => {
    expect(normaliseBaseUrl('http://127.0.0.1:8543', false)).toBe('http://127.0.0.1:8543')
    expect(normaliseBaseUrl('http://127.0.0.1:8543/api/v1/', false)).toBe('http://127.0.0.1:8543')
    expect(normaliseBaseUrl('https://api.example.org/smartsteps/', false)).toBe(
      'https://api.example.org/smartsteps',
    )
  })

  it('refuses plain http to another machine unless told, and URLs carrying secrets', () => {
    expect(() => normaliseBaseUrl('http://api.example.org', false)).toThrow(/https/)
    expect(normaliseBaseUrl('http://api.example.org', true)).toBe('http://api.example.org')
    expect(normaliseBaseUrl('http://localhost:1', false)).toBe('http://localhost:1')
    expect(normaliseBaseUrl('http://[::1]:1', false)).toBe('http://[::1]:1')
    expect(() => normaliseBaseUrl('https://user:pw@api.example.org', false)).toThrow()
    expect(() => normaliseBaseUrl('https://api.example.org?token=x', false)).toThrow()
    expect(() => normaliseBaseUrl('ftp://api.example.org', false)).toThrow()
    expect(() => normaliseBaseUrl('/api/v1', false)).toThrow(/absolute/)
  })

  it('puts the WebSocket beside the API', () => {
    expect(realtimeUrlOf('http://127.0.0.1:8543')).toBe('ws://127.0.0.1:8543/ws')
    expect(realtimeUrlOf('https://api.example.org/p')).toBe('wss://api.example.org/p/ws')
  })
})

describe('new SmartSteps', () => {
  it('has no default server and takes one credential at most', () => {
    expect(() => new SmartSteps({} as never)).toThrow(TypeError)
    expect(
      () => new SmartSteps({ baseUrl: 'https://api.example.org', token: 't', apiKey: 'sk_ss_x' }),
    ).toThrow(/at most one/)
    expect(() => new SmartSteps({ baseUrl: 'https://a.example', refreshToken: 'r' })).toThrow()
    expect(() => new SmartSteps({ baseUrl: 'https://a.example', signingSecret: 's' })).toThrow()
  })
})
