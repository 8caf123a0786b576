import { describe, expect, it } from 'vitest'

import { computeFigures } from './figures.js'
import type { ConversationResult } from './replay-conversation.js'

function conversation(
  index: number,
  emotionType: string,
  sessions: ConversationResult['sessions'],
  extra: Partial<ConversationResult> = {},
): ConversationResult {
  return {
    conversation: {
      index,
      emotionType,
      problemType: 'job crisis',
      seekerTurns: [],
      initialIntensity: 5,
      finalIntensity: 2,
    },
    parts: sessions.length,
    sessions,
    latencies: sessions.map((_, position) => 10 * (position + 1)),
    personaReplies: sessions.length,
    negativeEmotion: null,
    sessionsAnalyzed: sessions.length,
    errors: [],
    ...extra,
  }
}

const session = (primary: 'anxiety' | 'sadness' | 'fear', messages: number, flagged = false) => ({
  sessionId: 'ses_x',
  messages,
  mood: { primary, secondary: null, confidence: 0.5 },
  riskCategories: flagged ? (['self_harm'] as const).slice() : [],
  riskFlagged: flagged,
})

describe('computeFigures', () => {
  it('judges a split conversation by its combined mood and each session by its own', () => {
    const figures = computeFigures([
      conversation(1, 'anxiety', [
        session('anxiety', 2),
        session('fear', 1),
        session('anxiety', 2),
      ]),
      conversation(2, 'sadness', [session('fear', 3, true)]),
    ])

    expect(figures.conversationMood).toEqual({ compared: 2, primary: 1, primaryOrSecondary: 1 })
    expect(figures.sessionMood).toEqual({ compared: 4, primary: 2, primaryOrSecondary: 2 })
    expect(figures.sessions).toBe(4)
    expect(figures.splitClients).toBe(1)
    expect(figures.riskSessions).toBe(1)
    expect(figures.riskConversations).toBe(1)
  })

  it('counts messages sent, errors and latency over every conversation', () => {
    const failed = conversation(2, 'fear', [], { errors: [new Error('boom')] })
    const figures = computeFigures([conversation(1, 'fear', [session('fear', 3)]), failed])

    expect(figures.messages).toBe(1)
    expect(figures.errors).toBe(1)
    expect(figures.latencyMs).toEqual({ p50: 10, p99: 10, max: 10 })
    expect(Object.fromEntries(figures.confusion.get('fear') ?? [])).toEqual({ fear: 1, none: 1 })
  })

  it('compares the progress trend with the survey direction', () => {
    const improving = {
      trend: 'improving',
      start_value: 6,
      current_value: 3,
      change_percentage: -50,
    } as const
    const figures = computeFigures([
      conversation(1, 'fear', [session('fear', 3)], { negativeEmotion: improving }),
      conversation(2, 'fear', [session('fear', 3)], {
        negativeEmotion: { ...improving, trend: 'insufficient_data' },
      }),
    ])

    expect(figures.trend).toMatchObject({ compared: 1, agree: 1, opposite: 0, insufficient: 1 })
    expect(figures.trend).toMatchObject({ moved: 1, movedAgree: 1 })
    expect(Object.fromEntries(figures.trendTable.get('improving') ?? [])).toEqual({
      improving: 1,
      insufficient_data: 1,
    })
  })
})
