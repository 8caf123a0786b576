import type { PersonaEngine, PersonaReply, ReplyRequest } from '../../ports/persona-engine.js'
import { writeReply } from './write-reply.js'

/**
 * The built-in persona engine: reads the client's emotion, topic and risk, picks a support
 * strategy and writes the reply in the persona's style, all locally, with no network and no
 * model. Deterministic: the same request always gets the same reply.
 *
 * @example
 * const engine = createBuiltinEngine()
 * const { content, assessment } = await engine.reply({ persona, goals, recentMessages, clientMessage })
 */
export function createBuiltinEngine(): PersonaEngine {
  return {
    name: 'builtin',
    async reply(request: ReplyRequest, signal?: AbortSignal): Promise<PersonaReply> {
      signal?.throwIfAborted()
      return writeReply(request)
    },
  }
}

export { writeReply } from './write-reply.js'
