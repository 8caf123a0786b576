/**
 * One-line explanations of technique families, added for personas who explain more
 * (complexity above 0.6), recognised by words in the technique's name.
 */
const NOTES: [RegExp, string][] = [
  [/restructur|refram|cognitive/, 'looks at how our thoughts shape the way we feel'],
  [/activation/, 'lifts mood by planning small, rewarding activities'],
  [/mindful|breath|meditat/, 'trains attention to rest on the present moment'],
  [/exposure/, 'lets fear fade by facing it gradually and safely'],
  [/functional|analysis/, 'maps what triggers a behaviour and what keeps it going'],
  [/track|monitor/, 'makes patterns visible by recording them'],
  [/reinforc|reward/, 'makes a new behaviour more likely by rewarding it'],
  [/habit/, 'anchors a new habit to one that is already there'],
  [/decisional|balance/, 'weighs up the costs and benefits of change'],
  [/change talk/, 'draws out your own reasons for change'],
  [/values/, 'connects choices with what matters most to you'],
  [/grounding/, 'brings attention back to the body and the room when feelings run high'],
  [
    /window of tolerance/,
    'helps you notice when stress is pushing you outside the zone where you can cope',
  ],
  [/compassion/, 'meets pain with the kindness you would offer a friend'],
  [/safety/, 'prepares what to do and whom to contact when things get too much'],
  [/psychoeducation/, 'explains how stress and fear work in the body'],
  [/reflective|listening/, 'helps you hear your own thoughts more clearly'],
  [/open question/, 'invites you to explore things in your own words'],
]

/** A short explanation of a technique, or null when its name is not recognised. */
export function techniqueNote(technique: string): string | null {
  const name = technique.toLowerCase().replace(/[_-]/g, ' ')
  return NOTES.find(([pattern]) => pattern.test(name))?.[1] ?? null
}
