import type { Mood } from '@smartsteps/contracts'

import type { Topic } from '../../language/index.js'

/**
 * Short, general psychoeducation, written to follow "It may help to know that". Nothing here
 * is a diagnosis or a promise; each line describes what is common.
 */
export const MOOD_FACTS: Partial<Record<Mood, string[]>> = {
  depression: [
    'low mood tends to drain motivation first, so action often has to come before the wish to act, not after it',
    'when mood is low, the mind leans towards the bleakest reading of things, and that reading is not always the accurate one',
  ],
  sadness: [
    'sadness after a loss usually comes in waves rather than a straight line, and the waves tend to soften with time',
    'letting sadness be there, rather than fighting it, often helps it pass more easily',
  ],
  anxiety: [
    "anxiety is the body's alarm system, and it often goes off when nothing is actually dangerous",
    'avoiding what worries us brings quick relief but tends to make the worry stronger over time',
  ],
  fear: [
    'fear narrows attention onto the threat, which can make it feel bigger and closer than it is',
    'the body calms down on its own when we stay with a feared situation long enough, even if it does not feel that way at first',
  ],
  anger: [
    'anger often sits on top of other feelings, such as hurt or worry, and usually signals that something important to us feels threatened',
    'the urge to act on anger is strongest in the first minutes and fades if we give it a little time',
  ],
  disgust: [
    'a strong sense of disgust often tells us that one of our values or boundaries has been crossed',
  ],
  shame: [
    'shame says "I am bad" while guilt says "I did something bad", and guilt is much easier to repair',
    'shame tends to shrink when it is shared with someone safe, and to grow when it is kept secret',
  ],
  joy: [
    'taking a moment to notice what went well helps the memory of it last, which can steady mood over time',
  ],
}

export const TOPIC_FACTS: Partial<Record<Topic, string[]>> = {
  work: [
    'uncertainty about work is one of the most common sources of stress, because it touches money, identity and routine all at once',
  ],
  relationship: [
    'after a breakup, the mind keeps reaching for the person out of habit, which is why missing them can feel almost physical',
  ],
  family: [
    'family conflicts often follow old patterns, and noticing the pattern is usually the first step to changing your part in it',
  ],
  friends: [
    'most friendships go through distant patches, and a direct, calm conversation repairs more of them than people expect',
  ],
  school: [
    'some pressure can sharpen focus, but past a certain point it makes concentration and memory worse, so rest is part of studying',
  ],
  money: [
    'money worries take up a lot of mental space, and turning them into concrete numbers and next steps often brings some relief',
  ],
  health: [
    'worry about health and physical symptoms can feed each other, so calming one often eases the other',
  ],
  pandemic: [
    'long stretches of isolation lower mood for many people, because the small daily contacts and routines that quietly support us disappear',
  ],
  sleep: [
    'worry and poor sleep feed each other, and a regular wake-up time is one of the most reliable ways to steady sleep',
  ],
  grief: [
    'grief has no fixed timetable, and anniversaries or holidays often bring it back strongly, which is a normal part of grieving',
  ],
  self_esteem: [
    'the way we talk to ourselves is often far harsher than the way we would ever talk to a friend',
  ],
  loneliness: [
    'loneliness is more about the quality of our connections than the number of people around us',
  ],
  substance_use: [
    'drinking or using to cope often brings short relief and longer-lasting low mood and worry afterwards',
  ],
}

/** For when nothing specific has been said yet: what this time is for. */
export const GENERAL_FACTS = [
  'there is no right or wrong place to start, and whatever is on your mind is a good place',
  'many people find it easiest to begin with whatever happened most recently, however small it seems',
]
