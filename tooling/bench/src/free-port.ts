import { createServer } from 'node:net'

/**
 * A loopback port that was free a moment ago: the kernel picks it for a throwaway listener,
 * which closes before the port is handed on. Another process could take it in between; on a
 * bench machine that is unlikely, and the server would then fail to start, not misreport.
 */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()

    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => (port ? resolve(port) : reject(new Error('no port was assigned'))))
    })
  })
}
