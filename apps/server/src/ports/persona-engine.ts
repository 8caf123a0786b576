import type { Message, Mood, PersonaFile, RiskCategory } from '@smartsteps/contracts'

/** The support strategies a reply can follow, after the helping-skills literature. */
export const SUPPORT_STRATEGIES = [
  'question',
  'restatement',
  'reflection_of_feelings',
  'affirmation',
  'suggestion',
  'information',
] as const

export type SupportStrategy = (typeof SUPPORT_STRATEGIES)[number]

export interface ReplyRequest {
  persona: PersonaFile
  goals: string[]
  /** The most recent messages of the session, oldest first, ending with the client's message. */
  recentMessages: Message[]
  /** The client message being answered (also the last of recentMessages). */
  clientMessage: Message
}

/** What the engine read in the client's message; kept with the reply for analysis and audit. */
export interface ReplyAssessment {
  mood: Mood
  /** 0 (none) to 10 (overwhelming). */
  intensity: number
  topic: string | null
  strategy: SupportStrategy
  risk: RiskCategory[]
}

export interface PersonaReply {
  content: string
  assessment: ReplyAssessment
}

/**
 * A persona engine writes the persona's reply to a client message. The built-in engine answers
 * whole; engines backed by a language model add a streaming method beside `reply` so the
 * gateway can forward chunks while the reply is written.
 */
export interface PersonaEngine {
  readonly name: string
  reply(request: ReplyRequest, signal?: AbortSignal): Promise<PersonaReply>
}
