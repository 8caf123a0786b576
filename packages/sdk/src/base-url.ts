const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i

/**
 * The server root every path is appended to, from what the caller passed: an absolute http(s)
 * URL, with or without a trailing `/api/v1`. Plain http is accepted only for this machine
 * unless the caller insists: the API carries health data and credentials.
 */
export function normaliseBaseUrl(baseUrl: string, allowInsecureHttp: boolean): string {
  let url: URL

  try {
    url = new URL(baseUrl)
  } catch {
    throw new TypeError(`baseUrl must be an absolute http(s) URL; got "${baseUrl}"`)
  }

  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError(`baseUrl must use https (or http on this machine); got "${url.protocol}"`)
  }

  if (url.protocol === 'http:' && !allowInsecureHttp && !LOOPBACK.test(url.hostname)) {
    throw new TypeError(
      'baseUrl uses plain http to another machine; use https, or set allowInsecureHttp: true',
    )
  }

  if (url.username || url.password || url.search || url.hash) {
    throw new TypeError('baseUrl must not carry credentials, a query or a fragment')
  }

  const path = url.pathname.replace(/\/+$/, '').replace(/\/api\/v1$/, '')

  return `${url.origin}${path}`
}

/** The WebSocket endpoint beside the REST API: ws(s)://host[:port][/prefix]/ws. */
export function realtimeUrlOf(baseUrl: string): string {
  return `${baseUrl.replace(/^http/, 'ws')}/ws`
}
