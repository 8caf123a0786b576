import {
  type ProgressReport,
  ProgressReportSchema,
  type SessionSummary,
  SessionSummarySchema,
} from '@smartsteps/contracts'

import type { Transport } from '../http/transport.js'
import type { ProgressInput } from '../types.js'
import { apiPath } from './paths.js'

/** Summaries and progress reports computed from what clients said. */
export class AnalysisResource {
  constructor(private readonly http: Transport) {}

  /** Summarises a session's transcript; the summary is also stored on the session. */
  summary(sessionId: string): Promise<SessionSummary> {
    return this.http.request({
      method: 'POST',
      path: apiPath('sessions', sessionId, 'analyze', 'summary'),
      schema: SessionSummarySchema,
    })
  }

  /** A client's progress across the sessions of a period (all of them by default). */
  progress(clientId: string, input: ProgressInput = {}): Promise<ProgressReport> {
    return this.http.request({
      method: 'POST',
      path: apiPath('clients', clientId, 'analyze', 'progress'),
      body: input,
      schema: ProgressReportSchema,
    })
  }
}
