export interface DeliveryCounts {
  /** Distinct messages received. */
  received: number
  /** Messages never received. */
  missing: number
  /** Messages received more than once (each repeat counts). */
  duplicates: number
  /** Messages received after one that was sent later. */
  outOfOrder: number
  /** Deliveries whose seq is not exactly one above the previous delivery's. */
  seqBreaks: number
  /** Deliveries naming a message the sender never sent. */
  unexpected: number
}

export type DeliveryVerdict = 'first' | 'duplicate' | 'unexpected'

/**
 * Checks what one socket receives from its room's single sender, who sends messages numbered
 * 0 to expected - 1. The server numbers the room's events with `seq`, one above the previous;
 * the first delivery must carry `startSeq + 1`, where `startSeq` is the seq the join returned.
 */
export function createDeliveryTracker(startSeq: number, expected: number) {
  const seen = new Uint8Array(expected)
  let lastSeq = startSeq
  let highestIndex = -1
  const counts = { received: 0, duplicates: 0, outOfOrder: 0, seqBreaks: 0, unexpected: 0 }

  function checkSeq(seq: number) {
    if (seq !== lastSeq + 1) {
      counts.seqBreaks += 1
    }

    // A seq that went backwards is counted once, not again for every delivery after it.
    lastSeq = Math.max(lastSeq, seq)
  }

  return {
    record(seq: number, index: number): DeliveryVerdict {
      checkSeq(seq)

      if (!Number.isInteger(index) || index < 0 || index >= expected) {
        counts.unexpected += 1
        return 'unexpected'
      }

      if (seen[index]) {
        counts.duplicates += 1
        return 'duplicate'
      }

      seen[index] = 1
      counts.received += 1

      if (index < highestIndex) {
        counts.outOfOrder += 1
      }

      highestIndex = Math.max(highestIndex, index)
      return 'first'
    },

    counts(): DeliveryCounts {
      return { ...counts, missing: expected - counts.received }
    },
  }
}

export type DeliveryTracker = ReturnType<typeof createDeliveryTracker>

/** Adds the counts of every socket together. */
export function sumCounts(all: readonly DeliveryCounts[]): DeliveryCounts {
  const total: DeliveryCounts = {
    received: 0,
    missing: 0,
    duplicates: 0,
    outOfOrder: 0,
    seqBreaks: 0,
    unexpected: 0,
  }

  for (const counts of all) {
    for (const key of Object.keys(total) as Array<keyof DeliveryCounts>) {
      total[key] += counts[key]
    }
  }

  return total
}
