import { describe, expect, it } from 'vitest'

import { detectTopics } from './topics.js'

const first = (text: string) => detectTopics(text)[0]

describe('detectTopics', () => {
  it.each([
    ['My boss yelled at me again', 'work', 'boss'],
    ['My girlfriend broke up with me', 'relationship', 'girlfriend'],
    ['I failed two exams this semester', 'school', 'exams'],
    ['I cannot pay my bills this month', 'money', 'bills'],
    ['Stuck at home in lockdown because of covid', 'pandemic', 'lockdown'],
    ['My grandmother passed away last week', 'family', 'grandmother'],
    ['I only sleep three hours a night', 'sleep', 'sleep'],
    ['I feel so lonely, no one calls', 'loneliness', 'lonely'],
    ['My back hurts all the time', 'health', 'my back'],
  ])('finds the topic of "%s"', (text, topic, cue) => {
    expect(first(text)).toMatchObject({ topic, cue })
  })

  it('tells "broke up" from "broke"', () => {
    expect(first('we broke up')?.topic).toBe('relationship')
    expect(first("I'm broke until payday")?.topic).toBe('money')
  })

  it('ranks the topic with most evidence first', () => {
    const topics = detectTopics('My boss and my manager and my coworkers, and my mom')

    expect(topics.map((match) => match.topic)).toEqual(['work', 'family'])
  })

  it('finds nothing in small talk', () => {
    expect(detectTopics('hi, how are you?')).toEqual([])
  })
})
