import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

import { MOODS } from '@smartsteps/contracts'

import { readText } from '../src/language/read-text.js'
import { moodOfTexts } from '../src/language/transcript-mood.js'

/**
 * Measures the mood reading against labelled data.
 *
 *   tsx scripts/evaluate-mood.ts <FailedESConv.json>   session mood vs the seeker's emotion_type
 *   tsx scripts/evaluate-mood.ts <goemotions test.tsv>  macro-F1 over the Ekman groups
 */

interface Conversation {
  emotion_type: string
  dialog: { speaker: string; content: string }[]
}

/** ESConv's one label outside our moods; nervousness is a form of anxiety. */
const ESCONV_ALIASES: Record<string, string> = { nervousness: 'anxiety' }

/** Our moods in GoEmotions' Ekman groups; shame sits with embarrassment under sadness there. */
const EKMAN_OF: Record<string, string> = {
  depression: 'sadness',
  sadness: 'sadness',
  shame: 'sadness',
  anxiety: 'fear',
  fear: 'fear',
  anger: 'anger',
  disgust: 'disgust',
  joy: 'joy',
  neutral: 'neutral',
}

function printConfusion(labels: string[], pairs: [string, string][]) {
  const width = 12
  console.log(
    ['gold \\ read'.padEnd(width), ...labels.map((label) => label.slice(0, 9).padStart(10))].join(
      '',
    ),
  )

  for (const gold of labels) {
    const row = labels.map((read) =>
      String(pairs.filter(([g, r]) => g === gold && r === read).length).padStart(10),
    )
    const total = pairs.filter(([g]) => g === gold).length

    if (total > 0) {
      console.log([gold.padEnd(width), ...row, `   n=${total}`].join(''))
    }
  }
}

function evaluateEsconv(path: string) {
  const conversations = JSON.parse(readFileSync(path, 'utf8')) as Conversation[]
  const pairs: [string, string][] = conversations.map((conversation) => {
    const turns = conversation.dialog.filter((turn) => turn.speaker === 'speaker')
    const read = moodOfTexts(turns.map((turn) => turn.content)).primary
    return [conversation.emotion_type, read]
  })

  const labels = [...MOODS, 'nervousness']
  printConfusion(labels, pairs)

  const exact = pairs.filter(([gold, read]) => gold === read).length
  const aliased = pairs.filter(([gold, read]) => (ESCONV_ALIASES[gold] ?? gold) === read).length
  const percent = (count: number) => ((100 * count) / pairs.length).toFixed(1)

  console.log(`\nexact agreement: ${exact}/${pairs.length} = ${percent(exact)}%`)
  console.log(`with nervousness read as anxiety: ${aliased}/${pairs.length} = ${percent(aliased)}%`)
}

function evaluateGoEmotions(path: string) {
  const folder = dirname(path)
  const names = readFileSync(join(folder, 'emotions.txt'), 'utf8').trim().split('\n')
  const mapping = JSON.parse(readFileSync(join(folder, 'ekman_mapping.json'), 'utf8')) as Record<
    string,
    string[]
  >
  const groupOf = new Map(
    Object.entries(mapping).flatMap(([group, members]) => members.map((name) => [name, group])),
  )
  groupOf.set('neutral', 'neutral')

  const groups = [...Object.keys(mapping), 'neutral']
  const counts = new Map(groups.map((group) => [group, { tp: 0, fp: 0, fn: 0 }]))
  const pairs: [string, string][] = []

  for (const line of readFileSync(path, 'utf8').trim().split('\n')) {
    const [text = '', ids = ''] = line.split('\t')
    const gold = new Set(ids.split(',').map((id) => groupOf.get(names[Number(id)]!)!))
    const read = EKMAN_OF[readText(text).mood]!

    for (const group of groups) {
      const count = counts.get(group)!
      count.tp += Number(read === group && gold.has(group))
      count.fp += Number(read === group && !gold.has(group))
      count.fn += Number(read !== group && gold.has(group))
    }

    pairs.push([gold.has(read) ? read : [...gold][0]!, read])
  }

  printConfusion(groups, pairs)

  const f1s = groups.map((group) => {
    const { tp, fp, fn } = counts.get(group)!
    const f1 = tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn)
    console.log(`${group.padEnd(10)} F1 ${f1.toFixed(3)}`)
    return f1
  })
  const macro = f1s.reduce((sum, f1) => sum + f1, 0) / f1s.length

  console.log(`\nmacro-F1 over ${groups.length} groups (Ekman + neutral): ${macro.toFixed(3)}`)
}

const path = process.argv[2]

if (!path) {
  console.error('usage: tsx scripts/evaluate-mood.ts <FailedESConv.json | goemotions .tsv>')
  process.exit(2)
}

if (path.endsWith('.tsv')) {
  evaluateGoEmotions(path)
} else {
  evaluateEsconv(path)
}
