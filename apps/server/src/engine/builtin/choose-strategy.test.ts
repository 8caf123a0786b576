import { describe, expect, it } from 'vitest'

import { rankStrategies } from './choose-strategy.js'
import { readConversation } from './conversation.js'
import { loadPersona, message, requestFor } from './test-support.js'

const morgan = loadPersona('dr_morgan_hayes')
const opened = [message('hello'), message('Hello, what brings you here today?', 'persona')]

const first = (content: string, earlier = opened) =>
  rankStrategies(readConversation(requestFor(morgan, content, earlier)))[0]

describe('rankStrategies', () => {
  it('meets a request for help with a suggestion', () => {
    expect(first('I get nervous before meetings, what can I do?')).toBe('suggestion')
  })

  it('meets strong feelings with reflection', () => {
    expect(first('I am absolutely devastated and heartbroken, I cannot stop crying')).toBe(
      'reflection_of_feelings',
    )
  })

  it('meets coping with affirmation', () => {
    expect(first('I went for a run this morning and I will do it again tomorrow')).toBe(
      'affirmation',
    )
  })

  it('meets "why" questions with information', () => {
    expect(first('Why do I always feel worse in the evenings? Is this normal?')).toBe('information')
  })

  it('meets a short answer with a question', () => {
    expect(first('not sure')).toBe('question')
  })

  it('never puts the previous strategy first', () => {
    const afterQuestion = [
      ...opened,
      message('hmm'),
      message('What has been happening for you lately?', 'persona'),
    ]

    expect(first('not sure', afterQuestion)).not.toBe('question')
  })

  it('ranks every strategy', () => {
    expect(rankStrategies(readConversation(requestFor(morgan, 'ok')))).toHaveLength(6)
  })
})
