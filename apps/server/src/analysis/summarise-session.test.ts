import { InsightSchema, MoodAnalysisSchema } from '@smartsteps/contracts'
import { describe, expect, it } from 'vitest'

import { loadPersona } from '../engine/builtin/test-support.js'
import { summariseSession } from './summarise-session.js'
import { GETTING_BETTER, toMessage, transcript } from './test-support.js'

const morgan = loadPersona('dr_morgan_hayes')
const alex = loadPersona('dr_alex_rivera')

describe('summariseSession', () => {
  const analysis = summariseSession({
    persona: morgan,
    goals: ['Sleep better', 'Speak up at family dinners'],
    messages: transcript(GETTING_BETTER[0]!),
  })

  it('writes a readable paragraph about the session', () => {
    expect(analysis.summary).toMatch(
      /^The client sent 5 messages in this session with Dr\. Morgan Hayes/,
    )
    expect(analysis.summary).toMatch(/work/)
    expect(analysis.summary).toMatch(/anxiety/)
    expect(analysis.summary).toMatch(/"Sleep better"/)
  })

  it("keeps the client's telling sentences as key points, without small talk", () => {
    expect(analysis.key_points.length).toBeGreaterThan(2)
    expect(analysis.key_points.length).toBeLessThanOrEqual(5)
    expect(analysis.key_points).not.toContain('hi')
    expect(analysis.key_points).toContain('I feel hopeless and so stressed all the time.')
  })

  it("reads the mood of the client's messages", () => {
    expect(MoodAnalysisSchema.parse(analysis.mood_analysis)).toMatchObject({ primary: 'anxiety' })
  })

  it('recommends techniques of the persona that fit', () => {
    expect(analysis.recommended_focus_areas.length).toBeGreaterThan(0)

    for (const area of analysis.recommended_focus_areas) {
      expect(morgan.techniques).toContain(area)
    }

    const forAlex = summariseSession({
      persona: alex,
      goals: [],
      messages: transcript(GETTING_BETTER[0]!),
    })

    for (const area of forAlex.recommended_focus_areas) {
      expect(alex.techniques).toContain(area)
    }
  })

  it('gives valid insights', () => {
    expect(analysis.insights.length).toBeGreaterThan(0)

    for (const insight of analysis.insights) {
      expect(InsightSchema.parse(insight)).toEqual(insight)
    }
  })

  it('reports risk and says so in the summary', () => {
    const risky = summariseSession({
      persona: morgan,
      goals: [],
      messages: transcript([
        'Nothing is getting better.',
        "Some days I don't want to be here anymore.",
      ]),
    })

    expect(risky.risk_categories).toEqual(['self_harm'])
    expect(risky.summary).toMatch(/risk of self-harm/)
    expect(risky.insights.some((insight) => insight.type === 'risk')).toBe(true)
  })

  it('reads only the client: persona and facilitator words do not count', () => {
    const others = summariseSession({
      persona: morgan,
      goals: [],
      messages: [
        toMessage('I am furious and terrified', 'persona'),
        toMessage('Client seems furious today', 'facilitator'),
        toMessage('The weather is fine.', 'client'),
      ],
    })

    expect(others.mood_analysis.primary).toBe('neutral')
    expect(others.key_points).toEqual([])
  })

  it('handles an empty transcript', () => {
    const empty = summariseSession({ persona: morgan, goals: ['Sleep better'], messages: [] })

    expect(empty).toEqual({
      summary: expect.stringMatching(/No client messages/),
      key_points: [],
      mood_analysis: { primary: 'neutral', secondary: null, confidence: 0 },
      recommended_focus_areas: [],
      insights: [],
      risk_categories: [],
    })
  })
})
