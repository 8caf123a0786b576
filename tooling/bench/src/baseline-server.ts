/**
 * The floor to compare against, run as its own process: a bare node:http server answering
 * every request with a small JSON body, with no routing, validation or storage.
 *
 * @example node --import tsx tooling/bench/src/baseline-server.ts --port 40123
 */
import { createServer } from 'node:http'
import { parseArgs } from 'node:util'

const BODY = JSON.stringify({ status: 'ok', version: 'baseline', uptime_seconds: 1 })

const { values } = parseArgs({ options: { port: { type: 'string' } } })
const port = Number(values.port)

if (!Number.isInteger(port) || port < 1 || port > 65_535) {
  process.stderr.write(`baseline-server: --port must be a port number, got ${values.port}\n`)
  process.exit(2)
}

const server = createServer((_request, response) => {
  response.writeHead(200, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(BODY),
  })
  response.end(BODY)
})

server.listen(port, '127.0.0.1')

process.once('SIGTERM', () => {
  server.closeAllConnections()
  server.close(() => process.exit(0))
})
