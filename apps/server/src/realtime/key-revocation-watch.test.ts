import { EventEmitter } from 'node:events'

import { afterEach, describe, expect, it, vi } from 'vitest'
import type { WebSocket } from 'ws'

import type { Actor } from '../domain/actor.js'
import { createLogger } from '../logger.js'
import { watchKeyRevocations } from './key-revocation-watch.js'

class FakeSocket extends EventEmitter {
  closedWith: number | null = null

  close(code: number) {
    this.closedWith = code
    this.emit('close')
  }
}

function actorOf(kind: Actor['credential']['kind'], id: string | null): Actor {
  return {
    userId: 'usr_a',
    username: 'a',
    role: 'facilitator',
    scopes: new Set(),
    credential: { kind, id },
  }
}

describe('watchKeyRevocations', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  function setup(usable: Set<string>) {
    let revoke: (keyId: string) => void = () => {}
    const watch = watchKeyRevocations(
      {
        onRevoked: (listener) => {
          revoke = listener
          return () => {
            revoke = () => {}
          }
        },
        isUsable: async (keyId) => usable.has(keyId),
      },
      createLogger('silent'),
      1000,
    )
    const open = (actor: Actor) => {
      const socket = new FakeSocket()
      watch.track(socket as unknown as WebSocket, actor)
      return socket
    }

    return { watch, open, revoke: (keyId: string) => revoke(keyId) }
  }

  it('closes the sockets of a key revoked in this process at once, and only those', () => {
    const { open, revoke } = setup(new Set(['key_a', 'key_b']))
    const a = open(actorOf('api_key', 'key_a'))
    const b = open(actorOf('api_key', 'key_b'))

    revoke('key_a')

    expect(a.closedWith).toBe(4401)
    expect(b.closedWith).toBeNull()
  })

  it('closes, at the next check, sockets whose key stopped working elsewhere', async () => {
    vi.useFakeTimers()
    const usable = new Set(['key_a', 'key_b'])
    const { open } = setup(usable)
    const a = open(actorOf('api_key', 'key_a'))
    const b = open(actorOf('api_key', 'key_b'))

    usable.delete('key_a')
    await vi.advanceTimersByTimeAsync(999)
    expect(a.closedWith).toBeNull()

    await vi.advanceTimersByTimeAsync(1)
    expect(a.closedWith).toBe(4401)
    expect(b.closedWith).toBeNull()
  })

  it('ignores sockets of session tokens and forgets closed sockets', () => {
    const { open, revoke } = setup(new Set())
    const viaToken = open(actorOf('session_token', null))
    const closedEarlier = open(actorOf('api_key', 'key_a'))

    closedEarlier.emit('close')
    revoke('key_a')

    expect(viaToken.closedWith).toBeNull()
    expect(closedEarlier.closedWith).toBeNull()
  })

  it('stops listening when stopped', () => {
    const { watch, open, revoke } = setup(new Set(['key_a']))
    const socket = open(actorOf('api_key', 'key_a'))

    watch.stop()
    revoke('key_a')

    expect(socket.closedWith).toBeNull()
  })
})
