import type { Message, PersonaFile } from '@smartsteps/contracts'
import { describe, expect, it } from 'vitest'

import { MESSAGE_MAX_LENGTH } from '@smartsteps/contracts'

import { SUPPORT_STRATEGIES } from '../../ports/persona-engine.js'
import { createBuiltinEngine } from './index.js'
import { recogniseStrategy } from './recognise-strategy.js'
import { loadPersona, message, requestFor } from './test-support.js'

const engine = createBuiltinEngine()
const morgan = loadPersona('dr_morgan_hayes')
const alex = loadPersona('dr_alex_rivera')

/** Plays a whole conversation through the engine, keeping replies in the transcript. */
async function converse(persona: PersonaFile, lines: string[], goals: string[] = []) {
  const transcript: Message[] = []
  const replies = []

  for (const line of lines) {
    const request = requestFor(persona, line, transcript.slice(-19), goals)
    const reply = await engine.reply(request)
    transcript.push(request.clientMessage, message(reply.content, 'persona'))
    replies.push(reply)
  }

  return replies
}

const SESSION = [
  'hi',
  'I lost my job last month and I keep worrying about how I will pay the rent.',
  'yes',
  'I feel like a failure, my dad always said I would never amount to anything.',
  'What should I do?',
  'ok I will try that',
  'I also cannot sleep, I am up all night thinking',
  'why does this keep happening to me?',
  'thanks',
  'I went for a walk today and it helped a bit',
  'my sister says I should just apply anywhere but I am scared of another rejection',
  'I guess so',
]

describe('createBuiltinEngine', () => {
  it('is named builtin', () => {
    expect(engine.name).toBe('builtin')
  })

  it('gives the same reply to the same request', async () => {
    const request = requestFor(morgan, 'My exams are next week and I am panicking')

    expect(await engine.reply(request)).toEqual(await engine.reply(request))
  })

  it('answers different messages differently', async () => {
    const texts = [
      'My exams are next week and I am panicking',
      'My boyfriend broke up with me and I cannot stop crying',
      'I have been stuck at home for months and nothing feels worth doing',
      'My boss shouted at me in front of the whole team',
      'I am so angry at my friend for lying to me',
      'My grandmother passed away on Sunday',
    ]
    const replies = await Promise.all(texts.map((text) => engine.reply(requestFor(morgan, text))))

    expect(new Set(replies.map((reply) => reply.content)).size).toBe(texts.length)
  })

  it.each([
    ['My exams are next week and I am panicking', /exam/i],
    ['My boyfriend broke up with me and I cannot stop crying', /boyfriend|relationship|crying/i],
    ['My boss shouted at me in front of the whole team', /boss|work|team/i],
    ['I cannot pay my bills this month', /bills|money|pay/i],
    ['I have been so lonely since I moved city', /lonely|alone|moved/i],
  ])('stays on the topic of "%s"', async (text, expected) => {
    for (const persona of [morgan, alex]) {
      expect((await engine.reply(requestFor(persona, text))).content).toMatch(expected)
    }
  })

  it('reads the message into its assessment', async () => {
    const { assessment } = await engine.reply(
      requestFor(morgan, 'My exams are next week and I am panicking'),
    )

    expect(assessment).toMatchObject({ mood: 'anxiety', topic: 'school', risk: [] })
    expect(assessment.intensity).toBeGreaterThan(0)
    expect(SUPPORT_STRATEGIES).toContain(assessment.strategy)
  })

  it('never uses the same strategy twice in a row, and varies over a session', async () => {
    for (const persona of [morgan, alex]) {
      const replies = await converse(persona, SESSION)
      const strategies = replies.map((reply) => reply.assessment.strategy)

      for (let index = 1; index < strategies.length; index++) {
        expect(strategies[index]).not.toBe(strategies[index - 1])
      }

      expect(new Set(strategies).size).toBeGreaterThanOrEqual(4)
      expect(new Set(replies.map((reply) => reply.content)).size).toBe(replies.length)
    }
  })

  it('can read back the strategy of each reply it wrote', async () => {
    const replies = await converse(morgan, SESSION)

    for (const reply of replies) {
      expect(recogniseStrategy(reply.content)).toBe(reply.assessment.strategy)
    }
  })

  it('brings in the session goals now and then', async () => {
    const replies = await converse(morgan, SESSION, ['Feel more confident applying for jobs'])

    expect(
      replies.some((reply) => /feel more confident applying for jobs/i.test(reply.content)),
    ).toBe(true)
  })

  it('introduces the persona when greeted first', async () => {
    const { content, assessment } = await engine.reply(requestFor(morgan, 'Hello!'))

    expect(content).toContain('Dr. Morgan Hayes')
    expect(assessment.strategy).toBe('question')
  })

  it('answers questions about itself honestly', async () => {
    const opened = [message('hi'), message('Hello, I am Dr. Morgan Hayes.', 'persona')]
    const { content, assessment } = await engine.reply(requestFor(morgan, 'are you a bot?', opened))

    expect(content).toMatch(/AI persona|here to listen/)
    expect(assessment.strategy).toBe('information')
  })

  it('does not answer small talk with advice', async () => {
    for (const persona of [morgan, alex]) {
      const replies = await converse(persona, [
        'hi',
        'how are you',
        'i am fine',
        'ok',
        'nice',
        'ok',
      ])

      expect(replies.map((reply) => reply.assessment.strategy)).not.toContain('suggestion')
    }
  })

  it('stops when the signal is aborted', async () => {
    const controller = new AbortController()
    controller.abort()

    await expect(engine.reply(requestFor(morgan, 'hi'), controller.signal)).rejects.toThrow()
  })
})

describe('risk', () => {
  it.each([
    ['I want to kill myself', ['self_harm']],
    ["I don't want to be here anymore", ['self_harm']],
    ['I keep thinking of ending it all', ['self_harm']],
    ["I'm going to hurt him", ['harm_to_others']],
  ])('answers "%s" with urgent help and flags %j', async (text, risk) => {
    for (const persona of [morgan, alex]) {
      const { content, assessment } = await engine.reply(requestFor(persona, text))

      expect(assessment.risk).toEqual(risk)
      expect(content).toMatch(/emergency/i)
      expect(content).toMatch(/crisis line/i)
      expect(content).toMatch(/facilitator/i)
      expect(content).not.toMatch(/\d/)
    }
  })

  it.each(['this traffic is killing me', 'I could kill for a coffee', 'my back hurts'])(
    'does not raise an alarm for "%s"',
    async (text) => {
      const { content, assessment } = await engine.reply(requestFor(morgan, text))

      expect(assessment.risk).toEqual([])
      expect(content).not.toMatch(/emergency|crisis/i)
    },
  )
})

describe('style', () => {
  it('speaks differently as two personas in the same conversation', async () => {
    const formal = await converse(morgan, SESSION)
    const direct = await converse(alex, SESSION)
    const different = formal.filter((reply, index) => reply.content !== direct[index]!.content)

    expect(different.length).toBeGreaterThanOrEqual(SESSION.length - 1)
    expect(direct.some((reply) => /\b(?:I'm|you're|it's|that's|don't)\b/.test(reply.content))).toBe(
      true,
    )
    expect(formal.some((reply) => /\b(?:I'm|you're|don't)\b/.test(reply.content))).toBe(false)
  })

  it('follows each style dial', async () => {
    const styled = (style: Partial<PersonaFile['communication_style']>): PersonaFile => ({
      ...morgan,
      communication_style: { ...morgan.communication_style, ...style },
    })
    const distressing = [
      'My partner left me and I feel so alone',
      'I cried all night and I am exhausted',
      'My mum is ill and I am scared for her',
      'Work is piling up and I am overwhelmed',
    ]
    const all = async (persona: PersonaFile) =>
      (await Promise.all(distressing.map((text) => engine.reply(requestFor(persona, text)))))
        .map((reply) => reply.content)
        .join(' ')

    const warm = await all(styled({ warmth: 1 }))
    const cool = await all(styled({ warmth: 0 }))
    const casual = await all(styled({ formality: 0 }))

    expect(warm).toMatch(/sorry you are going through|sounds really hard|thank you for telling/i)
    expect(cool).not.toMatch(
      /sorry you are going through|sounds really hard|thank you for telling/i,
    )
    expect(casual).toMatch(/\b(?:I'm|you're|it's|that's)\b/)
  })

  it('words a suggestion by directiveness and explains it by complexity', async () => {
    const asking = 'I get anxious at work, what should I do?'
    const reply = async (style: Partial<PersonaFile['communication_style']>) =>
      engine.reply(
        requestFor(
          { ...morgan, communication_style: { ...morgan.communication_style, ...style } },
          asking,
          [message('hello'), message('Hello, what brings you here?', 'persona')],
        ),
      )

    const directive = await reply({ directiveness: 1, complexity: 1 })
    const gentle = await reply({ directiveness: 0, complexity: 0 })

    expect(directive.assessment.strategy).toBe('suggestion')
    expect(gentle.assessment.strategy).toBe('suggestion')
    expect(directive.content).toMatch(/I would suggest|before we next talk|Try this|idea from/)
    expect(directive.content).toMatch(/which|idea from/)
    expect(gentle.content).toMatch(/might|wonder|could try|idea from/)
  })
})

describe('odd input', () => {
  it.each([
    ['empty', ''],
    ['blank', '   \n\t '],
    ['emoji', '😢😢😢'],
    ['punctuation', '?!?!...'],
    [
      'the longest message',
      'I feel so tired of everything. '.repeat(300).slice(0, MESSAGE_MAX_LENGTH),
    ],
    ['one long word', 'a'.repeat(MESSAGE_MAX_LENGTH)],
    ['German', 'Ich bin so traurig und müde'],
    ['Chinese', '我最近很焦虑，睡不着'],
    ['Arabic', 'أشعر بالحزن الشديد'],
    ['markup', '<script>alert(1)</script> {topic} {{phrase}} $1 \\n'],
    ['control characters', 'hello\u0000\u0007 there'],
  ])('answers %s input without throwing', async (_, text) => {
    const reply = await engine.reply(requestFor(morgan, text))

    expect(reply.content.length).toBeGreaterThan(10)
    expect(reply.content).not.toMatch(/\{\w+\}|undefined|null|NaN/)
  })

  it('answers with no history and with history from another engine', async () => {
    const foreign = [message('hi'), message('An unrelated model wrote this reply.', 'persona')]
    const reply = await engine.reply(requestFor(alex, 'ok', foreign))

    expect(reply.content.length).toBeGreaterThan(10)
  })
})

describe('speed', () => {
  it('writes a reply to a normal message well under a millisecond on average', async () => {
    const history = SESSION.slice(0, 8).flatMap((line) => [
      message(line),
      message('Okay.', 'persona'),
    ])
    const requests = Array.from({ length: 300 }, (_, index) =>
      requestFor(morgan, `${SESSION[index % SESSION.length]} (${index})`, history),
    )

    const started = performance.now()

    for (const request of requests) {
      await engine.reply(request)
    }

    const perReply = (performance.now() - started) / requests.length

    // Generous bound for shared test machines; a quiet machine measures far lower.
    expect(perReply).toBeLessThan(2)
  })
})
