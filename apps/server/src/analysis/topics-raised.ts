import type { Topic } from '../language/index.js'
import type { ClientReading } from './client-readings.js'

/** Below this a topic's cue is too faint to count as raised. */
const TOPIC_FLOOR = 0.5

export interface TopicCount {
  topic: Topic
  /** How many client messages raised it. */
  messages: number
  /** Its summed evidence, for ranking. */
  weight: number
}

/** The topics the client raised, most present first. */
export function topicsRaised(readings: ClientReading[]): TopicCount[] {
  const counts = new Map<Topic, TopicCount>()

  for (const { reading } of readings) {
    for (const { topic, score } of reading.topics) {
      if (score < TOPIC_FLOOR) {
        continue
      }

      const count = counts.get(topic) ?? { topic, messages: 0, weight: 0 }
      count.messages++
      count.weight += Math.min(2, score)
      counts.set(topic, count)
    }
  }

  return [...counts.values()].sort((a, b) => b.weight - a.weight)
}
