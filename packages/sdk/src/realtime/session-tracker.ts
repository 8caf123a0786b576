/**
 * Per session: the highest `seq` seen, and whether the socket follows it. `seq` grows by one
 * with each durable event (session_update, new_message), so an event at or below the last seq
 * seen was already delivered, for instance replayed after a reconnect that raced it.
 */
export class SessionTracker {
  private readonly lastSeqs = new Map<string, number>()
  private readonly joined = new Set<string>()

  lastSeq(sessionId: string): number | undefined {
    return this.lastSeqs.get(sessionId)
  }

  /** Records a durable event; false when it was seen before and must not be delivered again. */
  accept(sessionId: string, seq: number): boolean {
    const last = this.lastSeqs.get(sessionId)

    if (last !== undefined && seq <= last) {
      return false
    }

    this.lastSeqs.set(sessionId, seq)

    return true
  }

  /** The join ack: the socket follows the session, and every event up to `seq` has been sent. */
  joinedAt(sessionId: string, seq: number): void {
    this.joined.add(sessionId)
    this.lastSeqs.set(sessionId, Math.max(seq, this.lastSeqs.get(sessionId) ?? seq))
  }

  /** A resync: what was missed is out of reach; carry on from the seq it gives. */
  resyncedAt(sessionId: string, seq: number): void {
    this.lastSeqs.set(sessionId, seq)
  }

  left(sessionId: string): void {
    this.joined.delete(sessionId)
  }

  joinedSessions(): string[] {
    return [...this.joined]
  }
}
