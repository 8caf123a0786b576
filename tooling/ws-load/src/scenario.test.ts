import { describe, expect, it } from 'vitest'

import type { LoadTarget, PeerEvents } from './load-target.js'
import { decodeContent } from './message-content.js'
import { runScenario } from './scenario.js'

/**
 * An in-process target: a send reaches every member of the room at once, numbered per room.
 * `deliver` may change what one member gets, to play a server that loses or repeats messages.
 */
function fakeTarget(
  deliver: (member: number, seq: number, content: string) => Array<[number, string]> = (
    _member,
    seq,
    content,
  ) => [[seq, content]],
): LoadTarget {
  const rooms = new Map<number, Array<{ member: number; events: PeerEvents }>>()
  const seqs = new Map<number, number>()
  let members = 0

  return {
    name: 'fake',
    async connect(room, events) {
      const member = members++

      rooms.set(room, [...(rooms.get(room) ?? []), { member, events }])

      return {
        join: async () => seqs.get(room) ?? 0,
        async send(content) {
          const seq = (seqs.get(room) ?? 0) + 1

          seqs.set(room, seq)

          for (const peer of rooms.get(room) ?? []) {
            for (const [deliveredSeq, text] of deliver(peer.member, seq, content)) {
              peer.events.delivery(deliveredSeq, text)
            }
          }
        },
        close() {},
      }
    },
    notes: () => [],
    serverCpuMs: () => 0,
    stop: async () => {},
  }
}

const settings = { sockets: 6, sessions: 2, messages: 4, drainMs: 50 }

describe('runScenario', () => {
  it('counts every socket of a room, the sender included, as a receiver', async () => {
    const result = await runScenario(fakeTarget(), settings)

    expect(result.expected).toBe(24)
    expect(result.counts).toMatchObject({ received: 24, missing: 0, duplicates: 0, seqBreaks: 0 })
    expect(result.failedSends).toBe(0)
  })

  it('reports a message one socket never got as missing', async () => {
    const dropOne = (member: number, seq: number, content: string): Array<[number, string]> =>
      member === 3 && decodeContent(content)?.index === 1 ? [] : [[seq, content]]

    const result = await runScenario(fakeTarget(dropOne), settings)

    expect(result.counts).toMatchObject({ received: 23, missing: 1, seqBreaks: 1 })
  })

  it('reports a message delivered twice as a duplicate', async () => {
    const repeat = (member: number, seq: number, content: string): Array<[number, string]> =>
      member === 0 && seq === 2
        ? [
            [seq, content],
            [seq, content],
          ]
        : [[seq, content]]

    const result = await runScenario(fakeTarget(repeat), settings)

    expect(result.counts).toMatchObject({ received: 24, missing: 0, duplicates: 1 })
  })
})
