import type {
  Message,
  ProgressReport,
  ProgressRequest,
  SessionSummary,
} from '@smartsteps/contracts'

import { analyseProgress, summariseSession } from '../analysis/index.js'
import { type Actor, canSee } from '../domain/actor.js'
import type { SessionRecord, Storage } from '../ports/storage.js'
import type { ClientService } from './client-service.js'
import type { PersonaRegistry } from './persona-registry.js'
import type { SessionService } from './session-service.js'

const TRANSCRIPT_PAGE = 500

/** Statuses whose transcripts describe how the client was doing. */
const ANALYSED_STATUSES = new Set(['active', 'completed'])

export interface AnalysisServiceDeps {
  storage: Storage
  sessions: SessionService
  clients: ClientService
  personas: PersonaRegistry
}

export function createAnalysisService({
  storage,
  sessions,
  clients,
  personas,
}: AnalysisServiceDeps) {
  /** Reads a whole transcript page by page, so no single read is unbounded. */
  async function transcript(sessionId: string): Promise<Message[]> {
    const messages: Message[] = []
    let after: string | undefined

    for (;;) {
      const page = await storage.messages.list(sessionId, { after, limit: TRANSCRIPT_PAGE })
      messages.push(...page)

      if (page.length < TRANSCRIPT_PAGE) {
        return messages
      }

      after = page.at(-1)!.id
    }
  }

  /** Computes the summary from the transcript and stores it with the session's insights. */
  async function summarise(session: SessionRecord): Promise<SessionSummary> {
    const persona = personas.get(session.persona_id)
    const analysis = summariseSession({
      persona,
      goals: session.goals,
      messages: await transcript(session.session_id),
    })

    const updated = await storage.sessions.update(session.session_id, {
      summary: analysis.summary,
      insights: analysis.insights,
      updated_at: new Date().toISOString(),
    })

    return {
      session_id: session.session_id,
      summary: analysis.summary,
      key_points: analysis.key_points,
      mood_analysis: analysis.mood_analysis,
      recommended_focus_areas: analysis.recommended_focus_areas,
      risk: (updated ?? session).risk,
    }
  }

  async function sessionSummary(actor: Actor, sessionId: string): Promise<SessionSummary> {
    return summarise(await sessions.getVisible(actor, sessionId))
  }

  async function progress(
    actor: Actor,
    clientId: string,
    request: ProgressRequest,
  ): Promise<ProgressReport> {
    await clients.getVisible(actor, clientId)

    const end = request.end_date ?? new Date().toISOString().slice(0, 10)
    const start = request.start_date ?? null
    // Only sessions the caller may open count: a report must not be built from transcripts
    // that GET /sessions would answer with not found.
    const inPeriod = (await storage.sessions.listByClient(clientId)).filter((session) => {
      const day = (session.started_at ?? session.scheduled_at).slice(0, 10)
      const analysed = ANALYSED_STATUSES.has(session.status) && canSee(actor, session)
      return analysed && day <= end && (!start || day >= start)
    })

    const analysed = await Promise.all(
      inPeriod.map(async (session) => ({
        session_id: session.session_id,
        scheduled_at: session.started_at ?? session.scheduled_at,
        ended_at: session.ended_at,
        messages: await transcript(session.session_id),
      })),
    )

    const report = analyseProgress({ sessions: analysed, focusAreas: request.focus_areas })

    return { client_id: clientId, report_period: { start, end }, ...report }
  }

  return { summarise, sessionSummary, progress }
}

export type AnalysisService = ReturnType<typeof createAnalysisService>
