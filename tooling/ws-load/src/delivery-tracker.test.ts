import { describe, expect, it } from 'vitest'

import { createDeliveryTracker, sumCounts } from './delivery-tracker.js'

const START = 1_733_300_000_000_007

describe('createDeliveryTracker', () => {
  it('counts a clean run: every message once, seq one above the previous', () => {
    const tracker = createDeliveryTracker(START, 3)

    expect([0, 1, 2].map((index) => tracker.record(START + 1 + index, index))).toEqual([
      'first',
      'first',
      'first',
    ])
    expect(tracker.counts()).toEqual({
      received: 3,
      missing: 0,
      duplicates: 0,
      outOfOrder: 0,
      seqBreaks: 0,
      unexpected: 0,
    })
  })

  it('counts a lost message as missing and the gap it leaves as one seq break', () => {
    const tracker = createDeliveryTracker(START, 3)

    tracker.record(START + 1, 0)
    tracker.record(START + 3, 2)

    expect(tracker.counts()).toMatchObject({ received: 2, missing: 1, seqBreaks: 1, outOfOrder: 0 })
  })

  it('counts a repeated message as a duplicate, not as a second delivery', () => {
    const tracker = createDeliveryTracker(START, 2)

    tracker.record(START + 1, 0)
    expect(tracker.record(START + 1, 0)).toBe('duplicate')
    tracker.record(START + 2, 1)

    expect(tracker.counts()).toMatchObject({ received: 2, missing: 0, duplicates: 1, seqBreaks: 1 })
  })

  it('counts a message that arrives after a later one as out of order', () => {
    const tracker = createDeliveryTracker(START, 3)

    tracker.record(START + 1, 0)
    tracker.record(START + 3, 2)
    tracker.record(START + 2, 1)

    expect(tracker.counts()).toMatchObject({ received: 3, missing: 0, outOfOrder: 1, seqBreaks: 2 })
  })

  it('expects the first delivery one above the seq the join returned', () => {
    const tracker = createDeliveryTracker(START, 1)

    tracker.record(START + 5, 0)

    expect(tracker.counts()).toMatchObject({ received: 1, seqBreaks: 1 })
  })

  it('sets aside messages the sender never sent', () => {
    const tracker = createDeliveryTracker(START, 2)

    expect(tracker.record(START + 1, 7)).toBe('unexpected')
    expect(tracker.record(START + 2, -1)).toBe('unexpected')

    expect(tracker.counts()).toMatchObject({ received: 0, missing: 2, unexpected: 2 })
  })
})

describe('sumCounts', () => {
  it('adds every field of every socket', () => {
    const one = createDeliveryTracker(0, 2)
    const two = createDeliveryTracker(0, 2)

    one.record(1, 0)
    two.record(1, 0)
    two.record(1, 0)

    expect(sumCounts([one.counts(), two.counts()])).toEqual({
      received: 2,
      missing: 2,
      duplicates: 1,
      outOfOrder: 0,
      seqBreaks: 1,
      unexpected: 0,
    })
  })
})
