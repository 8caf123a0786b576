import type { Topic } from '../language/index.js'

/** How a report names a topic, in the third person. */
export const TOPIC_LABELS: Record<Topic, string> = {
  work: 'work',
  relationship: 'a relationship',
  family: 'family',
  friends: 'friendships',
  school: 'school or studies',
  money: 'money',
  health: 'health',
  pandemic: 'the pandemic',
  sleep: 'sleep',
  grief: 'grief and loss',
  self_esteem: 'self-esteem',
  loneliness: 'loneliness',
  substance_use: 'substance use',
}

/** "work", "work and money", "work, money and sleep". */
export function listOf(items: string[]): string {
  if (items.length <= 1) {
    return items[0] ?? ''
  }

  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
}
