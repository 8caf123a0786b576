import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

import type { Message, PersonaFile } from '@smartsteps/contracts'

import type { ReplyRequest } from '../../ports/persona-engine.js'

/** The shipped persona folder, apps/server/personas. */
export const PERSONAS_DIR = fileURLToPath(new URL('../../../personas/', import.meta.url))

export function personaFileNames(): string[] {
  return readdirSync(PERSONAS_DIR).filter((name) => name.endsWith('.json'))
}

export function loadPersona(id: string): PersonaFile {
  return JSON.parse(readFileSync(`${PERSONAS_DIR}${id}.json`, 'utf8')) as PersonaFile
}

let counter = 0

export function message(
  content: string,
  senderType: Message['sender_type'] = 'client',
  sessionId = 'ses_test',
): Message {
  counter++
  return {
    id: `msg_${String(counter).padStart(6, '0')}`,
    session_id: sessionId,
    sender_type: senderType,
    sender_id: senderType === 'client' ? 'cli_test' : 'dr_test',
    content,
    timestamp: new Date(Date.UTC(2026, 0, 1, 10, 0, counter)).toISOString(),
  }
}

/** A request answering `content`, after the given earlier messages. */
export function requestFor(
  persona: PersonaFile,
  content: string,
  earlier: Message[] = [],
  goals: string[] = [],
): ReplyRequest {
  const clientMessage = message(content)
  return { persona, goals, recentMessages: [...earlier, clientMessage], clientMessage }
}
