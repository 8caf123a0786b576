import { tokenise } from './tokenise.js'

export const TOPICS = [
  'work',
  'relationship',
  'family',
  'friends',
  'school',
  'money',
  'health',
  'pandemic',
  'sleep',
  'grief',
  'self_esteem',
  'loneliness',
  'substance_use',
] as const

export type Topic = (typeof TOPICS)[number]

interface TopicDefinition {
  /** How a reply refers to it when the client gave no words of their own. */
  reference: string
  /** Cue words (phrases with spaces) and their weight; a key ending in `*` is a prefix. */
  cues: Record<string, number>
}

export const TOPIC_DEFINITIONS: Record<Topic, TopicDefinition> = {
  work: {
    reference: 'what is happening at work',
    cues: {
      job: 1,
      jobs: 1,
      work: 0.6,
      working: 0.5,
      boss: 1,
      manager: 0.8,
      'coworker*': 1,
      'co-worker*': 1,
      'colleague*': 1,
      office: 0.7,
      career: 1,
      fired: 1,
      'laid off': 1,
      layoff: 1,
      unemployed: 1,
      unemployment: 1,
      hired: 0.8,
      hiring: 0.8,
      interview: 0.7,
      promotion: 0.9,
      salary: 0.8,
      shift: 0.5,
      shifts: 0.6,
      employer: 1,
      employees: 0.8,
      workplace: 1,
      overtime: 0.9,
      business: 0.5,
      'job hunting': 1,
    },
  },
  relationship: {
    reference: 'your relationship',
    cues: {
      boyfriend: 1,
      girlfriend: 1,
      partner: 0.9,
      husband: 1,
      wife: 1,
      spouse: 1,
      ex: 0.8,
      marriage: 1,
      married: 0.8,
      divorce: 1,
      divorced: 1,
      separated: 0.8,
      separating: 0.9,
      breakup: 1,
      'broke up': 1,
      'break up': 1,
      dumped: 1,
      dating: 0.8,
      relationship: 0.9,
      cheated: 0.9,
      cheating: 0.9,
      affair: 0.9,
      fiance: 1,
      fiancee: 1,
      'left me': 0.7,
    },
  },
  family: {
    reference: 'your family',
    cues: {
      mom: 1,
      mum: 1,
      mother: 1,
      dad: 1,
      father: 1,
      parents: 1,
      parent: 0.8,
      sister: 1,
      brother: 1,
      siblings: 1,
      son: 0.9,
      daughter: 0.9,
      kids: 0.8,
      children: 0.7,
      family: 1,
      grandma: 1,
      grandmother: 1,
      grandpa: 1,
      grandfather: 1,
      aunt: 0.8,
      uncle: 0.8,
      cousin: 0.7,
      'in-laws': 1,
    },
  },
  friends: {
    reference: 'your friendships',
    cues: {
      friend: 1,
      friends: 1,
      friendship: 1,
      'best friend': 1,
      buddy: 0.7,
      roommate: 0.8,
      'classmate*': 0.6,
      peers: 0.6,
      'hang out': 0.7,
      hangout: 0.7,
    },
  },
  school: {
    reference: 'your studies',
    cues: {
      school: 1,
      college: 1,
      university: 1,
      uni: 0.8,
      class: 0.6,
      classes: 0.8,
      exam: 1,
      exams: 1,
      test: 0.5,
      tests: 0.6,
      grade: 0.7,
      grades: 1,
      gpa: 1,
      homework: 1,
      'assignment*': 0.9,
      study: 0.7,
      studying: 0.9,
      studies: 0.8,
      semester: 1,
      teacher: 0.8,
      professor: 0.9,
      course: 0.6,
      degree: 0.7,
      finals: 0.9,
      thesis: 1,
      student: 0.8,
      students: 0.6,
      academic: 1,
    },
  },
  money: {
    reference: 'money',
    cues: {
      money: 1,
      debt: 1,
      debts: 1,
      bills: 1,
      rent: 0.8,
      'loan*': 1,
      'afford*': 1,
      'financ*': 1,
      mortgage: 1,
      savings: 0.8,
      income: 0.8,
      expenses: 0.9,
      credit: 0.6,
      budget: 0.8,
      paycheck: 0.9,
      broke: 0.6,
    },
  },
  health: {
    reference: 'your health',
    cues: {
      sick: 0.7,
      illness: 1,
      ill: 0.6,
      doctor: 0.9,
      hospital: 0.9,
      'diagnos*': 1,
      pain: 0.5,
      injury: 0.9,
      surgery: 1,
      cancer: 1,
      medication: 0.9,
      meds: 0.8,
      symptoms: 0.8,
      chronic: 0.9,
      disease: 1,
      health: 0.8,
      weight: 0.5,
      'my back': 0.8,
      headache: 0.8,
      headaches: 0.8,
    },
  },
  pandemic: {
    reference: 'the pandemic and what it has changed',
    cues: {
      covid: 1,
      covid19: 1,
      coronavirus: 1,
      corona: 0.8,
      pandemic: 1,
      lockdown: 1,
      quarantine: 1,
      quarantined: 1,
      vaccine: 0.9,
      virus: 0.7,
      'social distancing': 1,
      masks: 0.6,
    },
  },
  sleep: {
    reference: 'your sleep',
    cues: {
      sleep: 1,
      sleeping: 1,
      insomnia: 1,
      awake: 0.7,
      nightmares: 0.8,
      tired: 0.4,
      bed: 0.3,
      nap: 0.6,
      'stay up': 0.8,
      'up all night': 1,
    },
  },
  grief: {
    reference: 'your loss',
    cues: {
      died: 1,
      death: 0.9,
      dead: 0.6,
      'passed away': 1,
      funeral: 1,
      grief: 1,
      grieving: 1,
      'mourn*': 1,
      heaven: 0.6,
      loss: 0.5,
      'lost my': 0.6,
      bereavement: 1,
    },
  },
  self_esteem: {
    reference: 'how you see yourself',
    cues: {
      worthless: 1,
      confidence: 0.9,
      ugly: 0.9,
      failure: 0.8,
      insecure: 1,
      insecurity: 1,
      'self-esteem': 1,
      'self esteem': 1,
      useless: 0.9,
      loser: 0.8,
      'not good enough': 1,
      'hate myself': 1,
      'compare myself': 1,
    },
  },
  loneliness: {
    reference: 'feeling alone',
    cues: {
      lonely: 1,
      loneliness: 1,
      alone: 0.8,
      isolated: 0.9,
      isolation: 0.9,
      'no one': 0.5,
      nobody: 0.5,
      'no friends': 1,
      'no one to talk to': 1,
    },
  },
  substance_use: {
    reference: 'drinking or substance use',
    cues: {
      alcohol: 1,
      drinking: 0.8,
      drunk: 0.8,
      drugs: 1,
      'addict*': 1,
      smoking: 0.7,
      weed: 0.8,
      sober: 0.9,
      relapse: 1,
      rehab: 1,
    },
  },
}

export interface TopicMatch {
  topic: Topic
  score: number
  /** The client's own word for it, e.g. "boss" or "exams". */
  cue: string
}

interface Cue {
  topic: Topic
  tokens: string[]
  openEnded: boolean
  weight: number
}

/** Cues by first word, longest first, so "broke up" is tried before "broke". */
const CUES: Map<string, Cue[]> = new Map()

for (const [topic, definition] of Object.entries(TOPIC_DEFINITIONS) as [Topic, TopicDefinition][]) {
  for (const [key, weight] of Object.entries(definition.cues)) {
    const openEnded = key.endsWith('*')
    const tokens = tokenise(openEnded ? key.slice(0, -1) : key)
    const first = tokens[0]!
    CUES.set(first, [...(CUES.get(first) ?? []), { topic, tokens, openEnded, weight }])
  }
}

for (const list of CUES.values()) {
  list.sort((a, b) => b.tokens.length - a.tokens.length)
}

function cueAt(tokens: string[], position: number): Cue | undefined {
  const token = tokens[position]!
  const candidates = [...(CUES.get(token) ?? [])]

  for (let length = token.length - 1; length >= 3; length--) {
    candidates.push(...(CUES.get(token.slice(0, length))?.filter((cue) => cue.openEnded) ?? []))
  }

  return candidates.find((cue) =>
    cue.tokens.every((part, offset) => {
      const actual = tokens[position + offset]
      const last = offset === cue.tokens.length - 1
      return (
        actual !== undefined && (last && cue.openEnded ? actual.startsWith(part) : actual === part)
      )
    }),
  )
}

/**
 * The topics a text touches, strongest first, each with the client's own cue word.
 *
 * @example detectTopics('My boss yelled at me')[0] // { topic: 'work', score: 1, cue: 'boss' }
 */
export function detectTopics(text: string): TopicMatch[] {
  const tokens = tokenise(text)
  const found = new Map<Topic, TopicMatch & { cueWeight: number }>()

  for (let position = 0; position < tokens.length; position++) {
    const cue = cueAt(tokens, position)

    if (!cue) {
      continue
    }

    const words = tokens.slice(position, position + cue.tokens.length).join(' ')
    const match = found.get(cue.topic)

    if (!match) {
      found.set(cue.topic, {
        topic: cue.topic,
        score: cue.weight,
        cue: words,
        cueWeight: cue.weight,
      })
    } else {
      match.score += cue.weight

      // The strongest cue names the topic best: "boss" over "work".
      if (cue.weight > match.cueWeight) {
        match.cue = words
        match.cueWeight = cue.weight
      }
    }

    position += cue.tokens.length - 1
  }

  return [...found.values()]
    .sort((a, b) => b.score - a.score)
    .map(({ topic, score, cue }) => ({ topic, score, cue }))
}
