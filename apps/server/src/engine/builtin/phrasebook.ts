import type { SupportStrategy } from '../../ports/persona-engine.js'

export type Band = 'high' | 'low'

/**
 * One way of carrying out a strategy. Slots in braces are filled from the conversation:
 * {topic} {phrase} {feeling} {goal} {guide} {technique} {fact} {name}. A template names the
 * style bands it suits; without a band it suits every persona.
 */
export interface Template {
  text: string
  formality?: Band
  directiveness?: Band
  warmth?: Band
}

export const GREETINGS: Template[] = [
  { text: 'Hello, I am {name}. What would you like to talk about today?', formality: 'high' },
  { text: 'Good to meet you. I am {name}, and this time is yours: where would you like to begin?' },
  { text: 'Hi, I am {name}. What is on your mind today?', formality: 'low' },
]

/**
 * Answers to questions about the persona itself: first to courtesies ("how are you"), then to
 * who or what it is ("are you a bot"), honest that the persona is an AI the facilitator set up.
 */
export const SOCIAL_ANSWERS: Template[] = [
  { text: 'Thank you for asking. I am here and ready to listen.' },
  {
    text: 'I am {name}, an AI persona your facilitator set up for these sessions, and I am here to listen.',
  },
]

/**
 * The answer to "are you a real doctor" or "am I talking to a bot", said in full every time:
 * an AI, not a person or a clinician whatever its name or title, with the facilitator as the
 * human in charge. Filled with {name}; no line may depend on the persona's style.
 */
export const IDENTITY_ANSWER = [
  'I am an AI, not a human: {name} is the name of an AI persona your facilitator set up for these sessions.',
  'Whatever my name suggests, I am not a real doctor, therapist or any other kind of clinician, so I cannot diagnose, prescribe or give medical advice.',
  'Your facilitator is the person in charge here: if you would like to talk to a human, or about something I cannot help with, please tell them.',
] as const

/**
 * The answer to a question about taking medicine. It gives no amount and no yes or no; it
 * sends the question to the people who can answer it safely, and says what to do if too much
 * has been taken already.
 */
export const MEDICATION_ANSWER = [
  'I cannot give advice about medication, such as how much to take or whether to change, skip or stop it.',
  'The doctor who prescribed it, or a pharmacist, can answer that safely because they know your health and your prescription, so please ask them before you change anything.',
  'If you have already taken more than you were prescribed, or you feel unwell, please call your local emergency number or get urgent medical help now.',
  'Would you like to talk about what has been making you think about your medication?',
] as const

export const SOCIAL_FOLLOW_UPS: Template[] = [
  { text: 'How are you feeling today?' },
  { text: 'What would you like to talk about?' },
]

export const TEMPLATES: Record<SupportStrategy, Template[]> = {
  question: [
    { text: 'What feels hardest about {topic} right now?' },
    { text: 'Could you tell me a little more about {topic}?' },
    { text: 'When you think about {topic}, what goes through your mind?' },
    { text: 'How has {topic} been affecting your day-to-day life?' },
    {
      text: 'What is one thing about {topic} you would most like to change?',
      directiveness: 'high',
    },
    { text: 'What have you already tried, to deal with {topic}?', directiveness: 'high' },
    { text: 'What comes up for you when you sit with {topic}?', directiveness: 'low' },
    { text: 'Where would you like to start with {topic}?', directiveness: 'low' },
    { text: 'May I ask how long {topic} has been weighing on you?', formality: 'high' },
    { text: 'So what is going on with {topic} lately?', formality: 'low' },
    {
      text: 'You named "{goal}" as a goal. How does what is happening now connect with it?',
    },
    { text: 'Could you tell me a little more about what has been on your mind?' },
    { text: 'What would be most helpful to talk about today?' },
    { text: 'What has been happening for you lately?', formality: 'low' },
  ],
  restatement: [
    { text: 'If I am hearing you right, {phrase}.' },
    { text: 'So what you are describing is that {phrase}.' },
    { text: 'Let me check that I have understood: {phrase}.', formality: 'high' },
    { text: 'What I understand from what you have said is that {phrase}.', formality: 'high' },
    { text: 'So {phrase}, have I got that right?', formality: 'low' },
    { text: 'Okay, so basically {phrase}.', formality: 'low' },
  ],
  reflection_of_feelings: [
    { text: 'It sounds like you are feeling {feeling} about {topic}.' },
    { text: 'I can hear how {feeling} all of this has left you.' },
    {
      text: 'It seems that everything around {topic} has left you feeling {feeling}.',
      formality: 'high',
    },
    {
      text: 'Anyone in your position could feel {feeling}, and it makes sense that you do.',
      warmth: 'high',
    },
    { text: 'You seem {feeling}, especially when it comes to {topic}.', warmth: 'low' },
    { text: 'Sounds like you have been feeling pretty {feeling} lately.', formality: 'low' },
  ],
  affirmation: [
    { text: 'Being able to say that {phrase} shows real strength.' },
    { text: 'It is good to hear that {phrase}.', warmth: 'high' },
    { text: 'It takes courage to look at {topic} as openly as you are doing.' },
    { text: 'You have been dealing with a lot around {topic}, and you are still working on it.' },
    { text: 'Reaching out about {topic} was a good decision.', directiveness: 'high' },
    { text: 'I really respect how honestly you are facing {topic}.', warmth: 'high' },
    { text: 'That is solid progress with {topic}.', warmth: 'low' },
    { text: 'Taking this time for yourself is a good step in itself.' },
  ],
  suggestion: [
    {
      text: 'When it comes to {topic}, I would suggest trying this: {guide}.',
      directiveness: 'high',
    },
    {
      text: 'Here is something to do about {topic} before we next talk: {guide}.',
      directiveness: 'high',
    },
    {
      text: 'For {topic}, try this over the coming week: {guide}.',
      directiveness: 'high',
      formality: 'low',
    },
    { text: 'I would suggest trying this: {guide}.', directiveness: 'high' },
    { text: 'With {topic} in mind, here is an idea from {technique}: {guide}.' },
    { text: 'You could try this: {guide}.' },
    {
      text: 'When it comes to {topic}, I wonder whether it might help to {guide}.',
      directiveness: 'low',
    },
    { text: 'If it feels right for you, and only then, you might {guide}.', directiveness: 'low' },
  ],
  information: [
    { text: 'It may help to know that {fact}.' },
    { text: 'Something many people find reassuring is that {fact}.' },
    { text: 'You may find it useful to know that {fact}.', formality: 'high' },
    { text: 'For what it is worth, {fact}.', formality: 'low' },
  ],
}

/** A short question after the core of a reply, inviting the client to go on. */
export const FOLLOW_UPS: Partial<Record<SupportStrategy, Template[]>> = {
  restatement: [
    { text: 'Is that close to what you are going through?' },
    { text: 'Did I get that right?', formality: 'low' },
  ],
  reflection_of_feelings: [
    { text: 'Would you like to say more about that?', directiveness: 'low' },
    { text: 'What do you notice in yourself when that feeling is strongest?' },
  ],
  affirmation: [{ text: 'What has helped you keep going so far?' }],
  suggestion: [
    { text: 'How does that sound to you?' },
    { text: 'Would you be willing to give that a go?', directiveness: 'high' },
    { text: 'Does something like that feel possible for you?', directiveness: 'low' },
  ],
  information: [
    { text: 'Does that fit with what you have noticed?' },
    { text: 'How does that land with you?', formality: 'low' },
  ],
}

/** The follow-up to an affirmation of something the client did or plans to do. */
export const COPING_FOLLOW_UPS: Template[] = [
  { text: 'What would make it easier to keep that up?' },
  { text: 'What might get in the way, and how could you handle it?', directiveness: 'high' },
]

/** Lines that open a reply, by warmth; none of them may read as a strategy on their own. */
export const OPENINGS: Template[] = [
  { text: 'Thank you for telling me this.', warmth: 'high', formality: 'high' },
  { text: 'That sounds really hard.', warmth: 'high' },
  { text: 'I am sorry you are going through this.', warmth: 'high' },
  { text: 'Thanks for sharing that.', warmth: 'high', formality: 'low' },
  { text: 'I understand.', warmth: 'low', formality: 'high' },
  { text: 'Okay.', warmth: 'low', formality: 'low' },
  { text: 'Noted.', warmth: 'low' },
]

/** Lines that open a reply to good news. */
export const POSITIVE_OPENINGS: Template[] = [
  { text: 'That is good to hear.', warmth: 'high' },
  { text: 'I am really glad about that.', warmth: 'high' },
  { text: 'Good.', warmth: 'low' },
]
