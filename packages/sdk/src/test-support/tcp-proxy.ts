import { connect, createServer, type Socket } from 'node:net'

export interface TcpProxy {
  url: string
  /** Cuts every open connection, as a network failure would. */
  dropAll(): void
  /** While refusing, new connections are cut at once. */
  refuse(refusing: boolean): void
  /** Sends new connections to another port on 127.0.0.1 (a restarted server). */
  retarget(port: number): void
  close(): Promise<void>
}

/** A TCP relay on 127.0.0.1 and a random port, to break connections on purpose. */
export async function startTcpProxy(targetPort: number): Promise<TcpProxy> {
  let target = targetPort
  let refusing = false
  const open = new Set<Socket>()

  const server = createServer((inbound) => {
    if (refusing) {
      inbound.destroy()
      return
    }

    const outbound = connect(target, '127.0.0.1')

    for (const [from, to] of [
      [inbound, outbound],
      [outbound, inbound],
    ] as const) {
      open.add(from)
      from.pipe(to)
      from.on('error', () => to.destroy())
      from.on('close', () => {
        open.delete(from)
        to.destroy()
      })
    }
  })

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))

  const { port } = server.address() as { port: number }

  function dropAll() {
    for (const socket of open) {
      socket.destroy()
    }
  }

  return {
    url: `http://127.0.0.1:${port}`,
    dropAll,
    refuse(value) {
      refusing = value
    },
    retarget(port) {
      target = port
    },
    close() {
      dropAll()
      return new Promise((resolve) => server.close(() => resolve()))
    },
  }
}
