/**
 * Runs `work` over the items with at most `concurrency` at once and returns the results in the
 * items' order, calling `onDone` as each one finishes.
 */
export async function mapPool<Item, Result>(
  items: readonly Item[],
  concurrency: number,
  work: (item: Item) => Promise<Result>,
  onDone: (result: Result) => void = () => {},
): Promise<Result[]> {
  const results: Result[] = new Array(items.length)
  let next = 0

  async function worker(): Promise<void> {
    while (next < items.length) {
      const position = next++
      const result = await work(items[position] as Item)
      results[position] = result
      onDone(result)
    }
  }

  const workers = Array.from({ length: Math.min(concurrency, items.length) }, () => worker())
  await Promise.all(workers)

  return results
}
