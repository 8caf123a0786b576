import type { RiskCategory } from '@smartsteps/contracts'
import { describe, expect, it } from 'vitest'

import { detectRisk } from './risk.js'

const SELF_HARM: RiskCategory[] = ['self_harm']
const OTHERS: RiskCategory[] = ['harm_to_others']

/** Messages that must raise a flag, by the family of signal they stand for. */
const POSITIVES: [family: string, text: string, expected: RiskCategory[]][] = [
  ['plain', 'I want to kill myself', SELF_HARM],
  ['plain', "I don't want to be here anymore", SELF_HARM],
  ['plain', 'thinking of ending it all', SELF_HARM],
  ['plain', 'Sometimes I wish I was dead', SELF_HARM],
  ['plain', 'I am thinking about suicide', SELF_HARM],
  ['plain', 'honestly i wanna die', SELF_HARM],
  ['plain', 'I want to end my life', SELF_HARM],
  ['plain', "I've been cutting myself again", SELF_HARM],
  ['plain', 'I have nothing to live for', SELF_HARM],
  ['plain', "I'm going to end my life tonight", SELF_HARM],
  ['plain', 'I feel suicidal', SELF_HARM],
  ['plain', 'I just want to die honestly', SELF_HARM],
  ['plain', "I'm ready to die", SELF_HARM],
  ['plain', 'I wish I had never been born', SELF_HARM],
  ['plain', 'Life is not worth living anymore', SELF_HARM],
  ['plain', "I've decided tonight is the night I end it", SELF_HARM],
  ['plain', 'I want to end it, I have the pills', SELF_HARM],
  ['plain', 'I keep googling ways to die', SELF_HARM],
  ['plain', 'I wish I could just disappear forever', SELF_HARM],
  ['plain', "there's no way out except dying", SELF_HARM],
  ['plain', "I can't do this anymore, I want out of life", SELF_HARM],
  ['plain', 'sometimes i think about dying on purpose', SELF_HARM],
  ['plain', 'I wish I had just been killed then', SELF_HARM],
  ['plain', "I've been self-harming again", SELF_HARM],
  ['plain', "I've been burning myself with a lighter", SELF_HARM],
  ['burden', 'everyone would be better off without me', SELF_HARM],
  ['burden', 'my family would be better off if I was gone', SELF_HARM],
  ['burden', 'nobody would even notice if I died', SELF_HARM],
  ['not waking', 'I want to go to sleep and never wake up', SELF_HARM],
  ['not waking', "I hope I don't wake up tomorrow", SELF_HARM],
  ['not waking', "I just don't want to wake up.", SELF_HARM],
  ['not being here', 'I might not be here tomorrow', SELF_HARM],
  ['not being here', "I won't be around much longer", SELF_HARM],
  ['disappearing', 'I want to disappear.', SELF_HARM],
  ['disappearing', 'Sometimes I just want to disappear. Like not exist for a while.', SELF_HARM],
  ['disappearing', 'I want to vanish and never come back.', SELF_HARM],
  ['disappearing', 'i just wanna disappear', SELF_HARM],
  ['disappearing', 'I wish I could just vanish from this world', SELF_HARM],
  ['not existing', "I'd rather not exist.", SELF_HARM],
  ['not existing', "I wish I didn't exist", SELF_HARM],
  ['burden', 'I feel like a burden to everyone.', SELF_HARM],
  ['burden', "I'm such a burden on my family", SELF_HARM],
  ['burden', 'Im just a burden', SELF_HARM],
  ['burden', 'everyone sees me as a burden', SELF_HARM],
  ['goodbye', 'I wrote goodbye letters to my family', SELF_HARM],
  ['goodbye', 'I left a note for my mum, this is goodbye', SELF_HARM],
  ['goodbye', "I've started giving away my things", SELF_HARM],
  ['goodbye', "you won't hear from me again", SELF_HARM],
  ['goodbye', "I've been giving my things away to friends.", SELF_HARM],
  ['goodbye', 'I gave my guitar away to my cousin yesterday', SELF_HARM],
  ['goodbye', "I've written letters to say goodbye", SELF_HARM],
  ['goodbye', 'I wrote a suicide note', SELF_HARM],
  ['means', 'I have been stockpiling my pills', SELF_HARM],
  ['means', "I've been saving up my sleeping pills", SELF_HARM],
  ['means', 'I bought a rope', SELF_HARM],
  ['means', "I've got a bottle of vodka and all my tablets ready", SELF_HARM],
  ['means', 'I have the razor blades hidden in my room', SELF_HARM],
  ['overdose', "I'm thinking of taking all my antidepressants", SELF_HARM],
  ['overdose', "I'm planning to overdose this weekend", SELF_HARM],
  ['means', 'I have enough tablets to not wake up', SELF_HARM],
  ['overdose', 'I took too many pills last night', SELF_HARM],
  ['overdose', 'how many of these would it take to die', SELF_HARM],
  ['overdose', 'how many sertraline pills would be lethal?', SELF_HARM],
  ['overdose', 'I am going to swallow the whole bottle', SELF_HARM],
  ['overdose', "I'll take all my pills at once tonight", SELF_HARM],
  ['method', 'I keep thinking about jumping off the bridge', SELF_HARM],
  ['method', 'I want to walk into traffic', SELF_HARM],
  ['method', 'I hurt myself on purpose', SELF_HARM],
  ['tired of life', "I'm so tired of living", SELF_HARM],
  ['tired of life', 'I cannot keep going like this anymore', SELF_HARM],
  ['disguised', 'I want to k!ll myself', SELF_HARM],
  ['disguised', 'gonna k1ll my5elf', SELF_HARM],
  ['disguised', 'i want to k i l l myself', SELF_HARM],
  ['disguised', 'k.i.l.l myself', SELF_HARM],
  ['disguised', 'I want to k*ll myself', SELF_HARM],
  ['disguised', 'kiiiill myself', SELF_HARM],
  ['disguised', 'kms', SELF_HARM],
  ['disguised', 'honestly might just kms tonight', SELF_HARM],
  ['disguised', 'I want to unalive myself', SELF_HARM],
  ['disguised', 'thinking about sui cide', SELF_HARM],
  ['disguised', 's u i c i d a l again', SELF_HARM],
  ['disguised', 'I want to un-alive myself', SELF_HARM],
  ['disguised', 'I want to d i e', SELF_HARM],
  ['disguised', 'i want to kill my\u200bself', SELF_HARM],
  ['others', "I'm going to hurt him", OTHERS],
  ['others', "I'm gonna hurt him", OTHERS],
  ['others', 'I swear I will kill my boss', OTHERS],
  ['others', 'I feel like punching someone', OTHERS],
  ['others', 'I want them dead', OTHERS],
  ['others', "I'll make her pay, I have a knife", OTHERS],
  ['others', "I've got a knife and I know where he lives", OTHERS],
  ['others', "I'm going to beat him up", OTHERS],
  ['others', 'I want to hit my brother', OTHERS],
  ['others', "I'm taking my dad's gun to school", OTHERS],
  ['others', 'i will k!ll him', OTHERS],
  ['others', 'i might snap and attack someone', OTHERS],
  ['others', "He's going to pay for this, I've got my gun", OTHERS],
  ['others', 'I keep thinking about hurting my baby', OTHERS],
  ['others', 'I will shoot up the school', OTHERS],
  ['others', 'I want to run over my ex with my car', OTHERS],
  ['other language', 'quiero morir', SELF_HARM],
  ['other language', 'Me quiero morir, ya no puedo más', SELF_HARM],
  ['other language', 'je veux mourir', SELF_HARM],
  ['other language', "J'ai envie de me suicider", SELF_HARM],
  ['other language', 'ich will sterben', SELF_HARM],
  ['other language', 'Ich möchte nicht mehr leben', SELF_HARM],
  ['other language', 'quero morrer', SELF_HARM],
  ['other language', 'Não quero mais viver', SELF_HARM],
  ['other language', 'voglio morire', SELF_HARM],
  ['other language', 'ik wil dood', SELF_HARM],
  ['other language', 'lo voy a matar', OTHERS],
  ['other language', 'Es que ya no quiero vivir', SELF_HARM],
  ['other language', 'Je veux en finir', SELF_HARM],
  ['other language', 'quiero matarme', SELF_HARM],
  ['other language', 'je vais me tuer', SELF_HARM],
  ['other language', 'ich bringe ihn um', OTHERS],
]

/** Messages that share words with risk but must not raise a flag. */
const NEGATIVES: [family: string, text: string][] = [
  ['figure of speech', 'this exam is killing me'],
  ['figure of speech', 'I killed it at work today'],
  ['figure of speech', 'I could kill for a coffee'],
  ['figure of speech', 'dead tired after the night shift'],
  ['figure of speech', 'my phone died'],
  ['figure of speech', 'this traffic is killing me'],
  ['figure of speech', 'my feet are killing me after that hike'],
  ['figure of speech', 'the deadline is going to kill me'],
  ['figure of speech', 'we want to kill some time before the film'],
  ['figure of speech', 'I died laughing at that video'],
  ['figure of speech', "I'm dying to see that film"],
  ['figure of speech', 'I want to die of embarrassment'],
  ['figure of speech', 'I killed myself laughing at that'],
  ['figure of speech', 'my boss will kill me if I am late'],
  ['figure of speech', 'I could murder a pizza'],
  ['figure of speech', 'I am dying of boredom in this lecture'],
  ['figure of speech', 'I would rather die than sing karaoke'],
  ['figure of speech', 'I feel like I am going to die of stress at this job'],
  ['figure of speech', 'she is killing it at her new job'],
  ['figure of speech', "I'm so tired I could sleep forever"],
  ['figure of speech', 'I want to take my life back'],
  ['figure of speech', 'saints about to beat them 41-3 next week'],
  ['figure of speech', 'a sugar overdose at the party'],
  ['everyday', 'my back hurts'],
  ['everyday', 'I ran 5 kms this morning'],
  ['everyday', 'my grandma died last year and I still miss her'],
  ['everyday', 'I take my pills every morning with breakfast'],
  ['everyday', 'I wrote a letter to my family'],
  ['everyday', 'I bought a rope for climbing'],
  ['everyday', "I won't be here tomorrow, I'm travelling for work"],
  ['everyday', "I hope I don't wake up late tomorrow"],
  ['everyday', "I don't want to live with my parents anymore"],
  ['everyday', "I'm giving away my things to charity before moving"],
  ['everyday', 'the skills I learned helped'],
  ['everyday', 'I want to be a better person'],
  ['everyday', 'I bought some rope to tie up the tomato plants'],
  ['everyday', 'I want to end this relationship'],
  ['everyday', 'I said goodbye to my friends at the airport'],
  ['everyday', 'I wrote my final exam today'],
  ['everyday', 'I need to stop beating myself up'],
  ['everyday', 'I bought a new kitchen knife'],
  ['everyday', "I'm going to make them pay attention to me"],
  ['everyday', 'I hope I never wake up that early again'],
  ['everyday', 'Abuse anything and it will hurt you'],
  ['everyday', 'That is a face i do not want to wake up to in the morning'],
  ['a break, not an end', 'my headache disappeared after lunch'],
  ['a break, not an end', 'I want to disappear into a good book this weekend'],
  ['a break, not an end', 'I just want to disappear for the weekend to the coast'],
  ['a break, not an end', 'the problem will not vanish on its own'],
  ['a break, not an end', 'I would rather not exist on takeaway food all week'],
  ['a break, not an end', 'I want my worries to disappear'],
  ['not the speaker', 'the mortgage is a burden'],
  ['not the speaker', 'caring for my dad is a huge burden on all of us'],
  ['not the speaker', 'I feel the burden of proof is on them'],
  ['negated', "I'm not a burden, I know that now"],
  ['everyday', 'I gave my old clothes away to charity'],
  ['everyday', "I'm giving my books away before we move"],
  ['ambiguous, met with a check-in instead', "I can't do this anymore."],
  ['accident', 'I hurt myself playing football'],
  ['accident', 'I cut myself shaving this morning'],
  ['accident', 'I nearly walked into traffic looking at my phone'],
  ['negated', 'I would never kill myself'],
  ['negated', "I don't want to die"],
  ['negated', "I'm not suicidal, just stressed"],
  ['negated', 'I have never been suicidal'],
  ['negated', "I'm not going to hurt him"],
  ['not violence', "I'm going to beat my brother at chess"],
  ['not violence', "I'm going to shoot him a text"],
  ['not violence', "I don't want to hurt her feelings"],
  ['not violence', 'I might hurt her feelings if I tell her'],
  ['not violence', "I'll hit him up later"],
  ['not violence', "I'll make him pay for dinner next time"],
  ['not violence', 'I have a knife block in my kitchen'],
  ['other language', 'no quiero morir'],
  ['other language', 'je ne veux pas mourir'],
  ['other language', 'ich will nicht sterben'],
  ['other language', 'me muero de risa'],
  ['other language', 'Ich bin so traurig und müde'],
]

describe('detectRisk', () => {
  it.each(POSITIVES)('flags %s: "%s"', (_, text, expected) => {
    expect(detectRisk(text)).toEqual(expected)
  })

  it.each(NEGATIVES)('does not flag %s: "%s"', (_, text) => {
    expect(detectRisk(text)).toEqual([])
  })

  it('flags both categories when both are said', () => {
    expect(detectRisk('I will hurt her and then kill myself')).toEqual([
      'harm_to_others',
      'self_harm',
    ])
  })

  it('still flags after a negated mention', () => {
    expect(detectRisk("I said I'd never kill myself, but now I want to kill myself")).toEqual([
      'self_harm',
    ])
  })

  it.each(['k*(ll myself', 'a#[b', 's*)x+y', 'k*?ll', 'k#\\ll', '(*)', 'k!*ll'])(
    'never throws on regular-expression syntax in a disguise: "%s"',
    (text) => {
      expect(() => detectRisk(text)).not.toThrow()
    },
  )

  it('never throws, whatever characters it is given', () => {
    const alphabet = 'ki l!1*#.-_|@$0sue\u200b😢<>{}[]()\\^?+aé字'
    let seed = 7

    for (let round = 0; round < 500; round++) {
      let text = ''

      for (let index = 0; index < 40; index++) {
        seed = (seed * 1103515245 + 12345) % 2 ** 31
        text += alphabet[seed % alphabet.length]
      }

      expect(() => detectRisk(text)).not.toThrow()
    }
  })

  it('reads a threat without a weapon as no risk, and the same threat with one as risk', () => {
    expect(detectRisk("I'll make her pay")).toEqual([])
    expect(detectRisk("I'll make her pay, I have a knife")).toEqual(OTHERS)
  })
})
