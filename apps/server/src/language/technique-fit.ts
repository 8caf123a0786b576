import type { Mood } from '@smartsteps/contracts'

import type { Topic } from './topics.js'

type Concern = Mood | Topic

/**
 * What each family of techniques is for, recognised by words in the technique's name, so a
 * persona file can name its techniques freely ("behavioral activation", "behaviour tracking").
 */
const FAMILIES: [RegExp, Partial<Record<Concern, number>>][] = [
  [
    /restructur|refram|thought|cognitive|distortion|socratic/,
    { anxiety: 1, depression: 1, shame: 1, self_esteem: 1, fear: 0.5, anger: 0.5, school: 0.3 },
  ],
  [
    /activation|activity scheduling|pleasant activit/,
    { depression: 1.3, loneliness: 0.8, pandemic: 0.8, sadness: 0.6, grief: 0.3 },
  ],
  [
    /mindful|breath|relax|meditat|body scan/,
    { anxiety: 1.2, fear: 0.8, anger: 0.8, sleep: 0.8, work: 0.3, school: 0.3 },
  ],
  [
    /grounding|window of tolerance|stabili[sz]/,
    { fear: 1.2, anxiety: 0.9, anger: 0.4, disgust: 0.4 },
  ],
  [/exposure|hierarch|approach/, { fear: 1.3, anxiety: 0.9 }],
  [
    /functional|analysis|antecedent|abc/,
    { anger: 0.8, substance_use: 1, sleep: 0.4, friends: 0.3 },
  ],
  [
    /track|monitor|diary|log|record/,
    { sleep: 0.8, depression: 0.5, anxiety: 0.5, substance_use: 0.6, health: 0.5, money: 0.4 },
  ],
  [/reinforc|reward/, { depression: 0.6, substance_use: 0.6, school: 0.5, work: 0.4 }],
  [/habit|routine/, { sleep: 0.9, health: 0.8, depression: 0.5, substance_use: 0.5, school: 0.4 }],
  [
    /motivational|change talk|ambivalence|decisional|readiness/,
    { substance_use: 1, health: 0.7, work: 0.4, school: 0.4, depression: 0.3 },
  ],
  [/values|goal/, { depression: 0.6, work: 0.5, school: 0.5, relationship: 0.3, grief: 0.3 }],
  [
    /problem.?solving|planning/,
    { work: 0.8, money: 0.9, school: 0.8, anxiety: 0.6, relationship: 0.4 },
  ],
  [
    /compassion|kindness/,
    { shame: 1.2, self_esteem: 1, sadness: 0.6, grief: 0.6, depression: 0.4 },
  ],
  [/grief|loss|meaning/, { grief: 1.3, sadness: 1, relationship: 0.4 }],
  [
    /communication|assertive|boundar|conflict/,
    { relationship: 0.8, family: 0.8, friends: 0.9, anger: 0.8, work: 0.4, disgust: 0.5 },
  ],
  [/sleep/, { sleep: 1.5 }],
  [/safety|crisis|trauma|narrative|psychoeducation/, { fear: 0.8, anxiety: 0.5, shame: 0.4 }],
  [/reflective|listening|open question|affirmation|summar/, { neutral: 0.3, sadness: 0.3 }],
]

/** Techniques listed first are the persona's mainstay; they win ties, by this small margin. */
const ORDER_BONUS = 0.01

/**
 * The persona's techniques ranked by how well they fit what the client raised: their moods
 * and topics, each with a weight.
 *
 * @example rankTechniques(['mindfulness', 'behavioral activation'], { depression: 1 }, {})
 * // ['behavioral activation', 'mindfulness']
 */
export function rankTechniques(
  techniques: string[],
  moods: Partial<Record<Mood, number>>,
  topics: Partial<Record<Topic, number>>,
): { technique: string; fit: number }[] {
  const concerns: Partial<Record<Concern, number>> = { ...moods, ...topics }

  return techniques
    .map((technique, index) => {
      const name = technique.toLowerCase().replace(/[_-]/g, ' ')
      let fit = 0

      for (const [pattern, affinity] of FAMILIES) {
        if (!pattern.test(name)) {
          continue
        }

        for (const [concern, weight] of Object.entries(affinity) as [Concern, number][]) {
          fit += weight * (concerns[concern] ?? 0)
        }
      }

      return { technique, fit: fit + ORDER_BONUS * (techniques.length - index) }
    })
    .sort((a, b) => b.fit - a.fit)
}
