import { openAccount } from './account.js'
import type { Conversation } from './dataset.js'
import { mapPool } from './pool.js'
import { replayConversation, type ConversationResult } from './replay-conversation.js'

export interface ReplayRunOptions {
  apiBase: string
  username: string
  password: string
  personaId: string
  concurrency: number
  onConversation: (result: ConversationResult) => void
}

export interface ReplayRun {
  username: string
  createdFacilitator: boolean
  personaId: string
  concurrency: number
  results: ConversationResult[]
  wallMs: number
}

/** Logs in, then replays the conversations with bounded concurrency. */
export async function runReplay(
  conversations: readonly Conversation[],
  options: ReplayRunOptions,
): Promise<ReplayRun> {
  const started = performance.now()
  const account = await openAccount(options.apiBase, options.username, options.password)
  const results = await mapPool(
    conversations,
    options.concurrency,
    (conversation) =>
      replayConversation(account.api, conversation, { personaId: options.personaId }),
    options.onConversation,
  )

  return {
    username: account.username,
    createdFacilitator: account.createdFacilitator,
    personaId: options.personaId,
    concurrency: options.concurrency,
    results,
    wallMs: performance.now() - started,
  }
}
