const KEPT = 5

/** Counts problems and keeps the first few distinct descriptions for the report. */
export function createProblemLog() {
  let count = 0
  const first = new Set<string>()

  return {
    add(description: string) {
      count += 1

      if (first.size < KEPT) {
        first.add(description)
      }
    },
    summary: () => ({ count, first: [...first] }),
  }
}

export type ProblemSummary = ReturnType<ReturnType<typeof createProblemLog>['summary']>
