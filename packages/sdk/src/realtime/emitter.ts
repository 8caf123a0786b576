type Listener<Payload> = (payload: Payload) => void

/** A minimal typed event emitter that works the same in browsers and Node. */
export class Emitter<Events extends object> {
  private readonly listeners = new Map<keyof Events, Set<Listener<never>>>()

  /** Adds a listener; the function returned removes it. */
  on<Name extends keyof Events>(event: Name, listener: Listener<Events[Name]>): () => void {
    let set = this.listeners.get(event)

    if (!set) {
      set = new Set()
      this.listeners.set(event, set)
    }

    set.add(listener as Listener<never>)

    return () => this.off(event, listener)
  }

  off<Name extends keyof Events>(event: Name, listener: Listener<Events[Name]>): void {
    this.listeners.get(event)?.delete(listener as Listener<never>)
  }

  emit<Name extends keyof Events>(event: Name, payload: Events[Name]): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) {
      try {
        ;(listener as Listener<Events[Name]>)(payload)
      } catch (error) {
        // A failing listener must not stop the others or the frame handling; it still surfaces.
        queueMicrotask(() => {
          throw error
        })
      }
    }
  }
}
