import { describe, expect, it } from 'vitest'

import { rankTechniques } from './technique-fit.js'

const cbt = ['cognitive restructuring', 'behavioral activation', 'mindfulness', 'graded exposure']

describe('rankTechniques', () => {
  it('puts the technique that fits the mood first', () => {
    expect(rankTechniques(cbt, { depression: 1 }, {})[0]!.technique).toBe('behavioral activation')
    expect(rankTechniques(cbt, { fear: 1 }, {})[0]!.technique).toBe('graded exposure')
    expect(rankTechniques(cbt, { anxiety: 1 }, { sleep: 1 })[0]!.technique).toBe('mindfulness')
  })

  it('reads technique names written with underscores or British spelling', () => {
    const ranked = rankTechniques(
      ['positive_reinforcement', 'behaviour tracking'],
      {},
      { sleep: 1 },
    )

    expect(ranked[0]!.technique).toBe('behaviour tracking')
  })

  it('falls back to the persona order when nothing fits', () => {
    expect(rankTechniques(cbt, {}, {}).map((entry) => entry.technique)).toEqual(cbt)
  })
})
