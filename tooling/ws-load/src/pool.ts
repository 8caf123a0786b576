/**
 * Runs `task` over the items with at most `limit` running at once and keeps the results in
 * order. Opening hundreds of sockets at once overflows the listen backlog; this paces them.
 */
export async function mapWithLimit<Item, Result>(
  items: readonly Item[],
  limit: number,
  task: (item: Item, index: number) => Promise<Result>,
): Promise<Result[]> {
  const results = new Array<Result>(items.length)
  let next = 0

  async function worker() {
    while (next < items.length) {
      const index = next

      next += 1
      results[index] = await task(items[index] as Item, index)
    }
  }

  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}
