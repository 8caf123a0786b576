import { createServer } from 'node:net'

/**
 * A loopback port the kernel just handed to a throwaway listener. Another process could take it
 * before the child binds it; the child then fails to start, which the run reports.
 */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()

    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0

      probe.close(() => (port > 0 ? resolve(port) : reject(new Error('no port was assigned'))))
    })
  })
}
