import type { Mood } from '@smartsteps/contracts'

interface FeelingWords {
  /** Plain words, for personas who keep language simple. */
  plain: [mild: string[], strong: string[]]
  /** Finer-grained words, for personas who speak with more nuance. */
  nuanced: [mild: string[], strong: string[]]
}

/** How a reply names a mood back to the client, by intensity and the persona's complexity. */
const FEELINGS: Record<Mood, FeelingWords> = {
  depression: {
    plain: [
      ['low', 'flat', 'worn down'],
      ['very low', 'hopeless', 'empty'],
    ],
    nuanced: [
      ['drained and low', 'weighed down', 'flat and unmotivated'],
      ['deeply low and without energy', 'close to hopeless', 'empty and exhausted'],
    ],
  },
  sadness: {
    plain: [
      ['sad', 'down', 'hurt'],
      ['very sad', 'heartbroken', 'deeply hurt'],
    ],
    nuanced: [
      ['saddened and a little lost', 'hurt and disappointed', 'heavy-hearted'],
      ['full of grief', 'heartbroken and raw', 'overwhelmed by sadness'],
    ],
  },
  anxiety: {
    plain: [
      ['worried', 'uneasy', 'stressed'],
      ['very anxious', 'overwhelmed', 'really stressed'],
    ],
    nuanced: [
      ['unsettled and on edge', 'preoccupied with worry', 'under pressure'],
      ['caught in constant worry', 'overwhelmed and on high alert', 'stretched to the limit'],
    ],
  },
  fear: {
    plain: [
      ['scared', 'afraid', 'nervous'],
      ['very scared', 'frightened', 'terrified'],
    ],
    nuanced: [
      ['apprehensive', 'unsettled and unsafe', 'uneasy about what could happen'],
      ['frightened and unprotected', 'gripped by fear', 'alarmed and unsafe'],
    ],
  },
  anger: {
    plain: [
      ['annoyed', 'frustrated', 'upset'],
      ['angry', 'furious', 'really fed up'],
    ],
    nuanced: [
      ['frustrated and let down', 'irritated and unheard', 'resentful'],
      ['angry and badly treated', 'furious', 'betrayed and enraged'],
    ],
  },
  disgust: {
    plain: [
      ['put off', 'uncomfortable'],
      ['disgusted', 'sickened'],
    ],
    nuanced: [
      ['uneasy and put off', 'troubled'],
      ['repelled', 'disgusted and shaken'],
    ],
  },
  shame: {
    plain: [
      ['embarrassed', 'down on yourself'],
      ['ashamed', 'deeply ashamed'],
    ],
    nuanced: [
      ['self-conscious and exposed', 'critical of yourself'],
      ['weighed down by shame', 'harshly judging yourself'],
    ],
  },
  joy: {
    plain: [
      ['glad', 'a bit lighter'],
      ['happy', 'really pleased'],
    ],
    nuanced: [
      ['lighter and more hopeful', 'quietly encouraged'],
      ['genuinely happy and relieved', 'energised and proud'],
    ],
  },
  neutral: {
    plain: [['unsure'], ['unsure']],
    nuanced: [['uncertain about where things stand'], ['uncertain about where things stand']],
  },
}

/** Words for a mood at an intensity (0..10), plain or nuanced by the persona's complexity. */
export function feelingWords(mood: Mood, intensity: number, complexity: number): string[] {
  const set = complexity >= 0.6 ? FEELINGS[mood].nuanced : FEELINGS[mood].plain
  return intensity >= 6.5 ? set[1] : set[0]
}
