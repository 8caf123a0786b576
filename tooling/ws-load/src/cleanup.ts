type Action = () => Promise<void> | void

const actions: Action[] = []
const lastResorts = new Set<() => void>()

// When the process ends before the orderly cleanup ran (an uncaught error, process.exit in
// the middle of a step), the synchronous last resorts still kill children and remove folders.
process.on('exit', () => {
  for (const lastResort of lastResorts) {
    lastResort()
  }
})

/**
 * Registers what to undo when the run ends: `action` runs in the orderly cleanup, newest
 * first; `lastResort` (synchronous) runs on process exit if the action has not run by then.
 */
export function onCleanup(action: Action, lastResort?: () => void) {
  if (lastResort) {
    lastResorts.add(lastResort)
  }

  actions.push(async () => {
    await action()

    if (lastResort) {
      lastResorts.delete(lastResort)
    }
  })
}

/** Runs every registered action once, newest first; one failing does not stop the others. */
export async function runCleanup() {
  while (actions.length > 0) {
    const action = actions.pop()!

    try {
      await action()
    } catch (error) {
      console.error(`cleanup failed: ${(error as Error).message}`)
    }
  }
}
