import { describe, expect, it } from 'vitest'

import { readConversation } from './conversation.js'
import { loadPersona, message, requestFor } from './test-support.js'

const morgan = loadPersona('dr_morgan_hayes')

describe('readConversation', () => {
  it("names the topic in the client's own words and turns their phrase round", () => {
    const conversation = readConversation(
      requestFor(morgan, 'I failed my exams and I feel like my parents hate me'),
    )

    expect(conversation.topic).toBe('school')
    expect(conversation.topicRef).toBe('your exams')
    expect(conversation.phrase).toBe(
      'you failed your exams and you feel like your parents hate you',
    )
  })

  it("falls back to the topic reference when the cue is not the client's own", () => {
    const conversation = readConversation(requestFor(morgan, 'The job market is brutal'))

    expect(conversation.topicRef).toBe('what is happening at work')
  })

  it('carries the topic of earlier messages into a short answer', () => {
    const earlier = [message('My boss keeps criticising me'), message('Go on.', 'persona')]
    const conversation = readConversation(requestFor(morgan, 'yes', earlier))

    expect(conversation.topic).toBe('work')
    expect(conversation.topicRef).toBe('your boss')
  })

  it('lets a longer message speak for itself rather than borrow an earlier topic', () => {
    const earlier = [
      message("I haven't been sleeping well, I keep waking at 4am"),
      message('What is one thing about your sleep you would most like to change?', 'persona'),
    ]

    for (const text of [
      "I've been feeling pretty low, I don't enjoy anything anymore, even football",
      "I'm tired all the time and kind of numb",
    ]) {
      const conversation = readConversation(requestFor(morgan, text, earlier))

      expect(conversation.topic).toBeNull()
      expect(conversation.topicRef).toBeNull()
    }
  })

  it('reads earlier replies, greetings and requests', () => {
    const earlier = [message('hi'), message('It may help to know that worry is common.', 'persona')]
    const conversation = readConversation(requestFor(morgan, 'What should I do?', earlier))

    expect(conversation.previousStrategies).toEqual(['information'])
    expect(conversation.earlierClientTurns).toBe(1)
    expect(conversation.helpSeeking).toBe(true)
    expect(readConversation(requestFor(morgan, 'Hello there!')).greeting).toBe(true)
    expect(readConversation(requestFor(morgan, 'Hello, my dog died')).greeting).toBe(false)
  })

  it('seeds differently per message and per persona', () => {
    const request = requestFor(morgan, 'ok')
    const other = { ...request, persona: loadPersona('dr_alex_rivera') }

    expect(readConversation(request).seed).toBe(readConversation(request).seed)
    expect(readConversation(request).seed).not.toBe(readConversation(other).seed)
  })
})
