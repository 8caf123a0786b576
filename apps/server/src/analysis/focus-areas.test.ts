import { describe, expect, it } from 'vitest'

import { loadPersona } from '../engine/builtin/test-support.js'
import { emptyScores } from '../language/index.js'
import { recommendFocusAreas } from './focus-areas.js'

const morgan = loadPersona('dr_morgan_hayes')

describe('recommendFocusAreas', () => {
  it('maps depression to behavioural activation and fear to exposure', () => {
    expect(recommendFocusAreas(morgan, { ...emptyScores(), depression: 3 }, [])[0]).toBe(
      'behavioral activation',
    )
    expect(recommendFocusAreas(morgan, { ...emptyScores(), fear: 3 }, [])[0]).toBe(
      'graded exposure',
    )
  })

  it('weighs topics too', () => {
    const areas = recommendFocusAreas(morgan, { ...emptyScores(), anxiety: 1 }, [
      { topic: 'sleep', messages: 3, weight: 3 },
    ])

    expect(areas[0]).toBe('mindfulness')
  })

  it('recommends nothing when nothing was raised', () => {
    expect(recommendFocusAreas(morgan, emptyScores(), [])).toEqual([])
  })
})
