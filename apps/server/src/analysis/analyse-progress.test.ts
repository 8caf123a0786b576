import { ProgressReportSchema } from '@smartsteps/contracts'
import { describe, expect, it } from 'vitest'

import { analyseProgress, type ProgressSession } from './analyse-progress.js'
import { GETTING_BETTER, transcript } from './test-support.js'

function sessions(lines: string[][]): ProgressSession[] {
  return lines.map((session, index) => ({
    session_id: `ses_${index}`,
    scheduled_at: `2026-01-0${index + 1}T10:00:00.000Z`,
    ended_at: `2026-01-0${index + 1}T11:00:00.000Z`,
    messages: transcript(session, `ses_${index}`),
  }))
}

describe('analyseProgress', () => {
  const report = analyseProgress({
    sessions: sessions(GETTING_BETTER),
    focusAreas: ['sleep', 'public speaking'],
  })

  it('fits the ProgressReport contract once the HTTP layer adds its fields', () => {
    const full = {
      client_id: `cli_${'0'.repeat(26)}`,
      report_period: { start: null, end: '2026-01-31' },
      ...report,
    }

    expect(() => ProgressReportSchema.parse(full)).not.toThrow()
    expect(report.sessions_analyzed).toBe(3)
  })

  it('sees a client getting better', () => {
    const intensity = report.metrics.negative_emotion_intensity

    expect(intensity.trend).toBe('improving')
    expect(intensity.current_value!).toBeLessThan(intensity.start_value!)
    expect(intensity.change_percentage!).toBeLessThan(0)
    expect(report.metrics.coping_statement_rate.trend).toBe('improving')
    expect(report.metrics.positive_emotion_ratio.trend).toBe('improving')
  })

  it('writes patterns, recommendations and a summary', () => {
    expect(report.progress_summary).toMatch(/^3 sessions from 2026-01-01 to 2026-01-03/)
    expect(report.progress_summary).toMatch(/eased/)
    expect(report.patterns.map((pattern) => pattern.description)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/Negative emotion has eased/),
        expect.stringMatching(/"sleep" came up in 2 of 3 sessions/),
        expect.stringMatching(/"public speaking" did not come up/),
      ]),
    )
    expect(report.recommendations).toEqual(
      expect.arrayContaining([expect.stringMatching(/"public speaking"/)]),
    )
  })

  it('sees a client getting worse, whatever order the sessions come in', () => {
    const worse = analyseProgress({
      sessions: sessions([...GETTING_BETTER].reverse()).reverse(),
      focusAreas: [],
    })
    const reversed = analyseProgress({
      sessions: sessions([...GETTING_BETTER].reverse()),
      focusAreas: [],
    })

    expect(worse.metrics.negative_emotion_intensity.trend).toBe('worsening')
    expect(reversed.metrics.negative_emotion_intensity.trend).toBe('worsening')
    expect(reversed.recommendations[0]).toMatch(/rising/)
  })

  it('says one session is not enough for a trend', () => {
    const single = analyseProgress({ sessions: sessions([GETTING_BETTER[0]!]), focusAreas: [] })

    for (const metric of Object.values(single.metrics)) {
      expect(metric.trend).toBe('insufficient_data')
      expect(metric.start_value).toBe(metric.current_value)
    }

    expect(single.sessions_analyzed).toBe(1)
    expect(single.recommendations).toEqual(
      expect.arrayContaining([expect.stringMatching(/one more session/)]),
    )
  })

  it('handles no sessions and sessions without client messages', () => {
    const none = analyseProgress({ sessions: [], focusAreas: ['sleep'] })
    const silent = analyseProgress({ sessions: sessions([[], []]), focusAreas: [] })

    expect(none.sessions_analyzed).toBe(0)
    expect(none.progress_summary).toMatch(/cannot be measured/)
    expect(none.metrics.engagement).toEqual({
      trend: 'insufficient_data',
      start_value: null,
      current_value: null,
      change_percentage: null,
    })
    expect(silent.metrics.negative_emotion_intensity.trend).toBe('insufficient_data')
  })

  it('reports sessions that signalled risk', () => {
    const risky = analyseProgress({
      sessions: sessions([['I feel low'], ['I keep thinking of ending it all']]),
      focusAreas: [],
    })

    expect(risky.patterns.some((pattern) => /Risk \(self_harm\)/.test(pattern.description))).toBe(
      true,
    )
    expect(risky.recommendations[0]).toMatch(/safety plan/)
  })
})
