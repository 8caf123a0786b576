import { request as httpRequest } from 'node:http'

export interface UpgradeAnswer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/**
 * Asks for a WebSocket upgrade by hand and answers what came back, 101 or refusal, without a
 * WebSocket client's own checks in the way: what the server sent is what the test sees.
 */
export function rawUpgrade(
  url: string,
  options: { token?: string; headers?: Record<string, string> } = {},
): Promise<UpgradeAnswer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${url}/ws`, {
      headers: {
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-version': '13',
        'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      },
    })

    request.on('upgrade', (response, socket) => {
      socket.destroy()
      resolve({ status: response.statusCode!, headers: response.headers, body: '' })
    })
    request.on('response', (response) => {
      let body = ''
      response.on('data', (chunk) => (body += chunk))
      response.on('end', () =>
        resolve({ status: response.statusCode!, headers: response.headers, body }),
      )
    })
    request.on('error', reject)
    request.end()
  })
}
