export interface CursorPage<Item> {
  items: Item[]
  nextCursor: string | null
}

/** Every item of a cursor listing: each page is read after the last item of the one before. */
export async function* everyItemAfter<Item>(
  fetchPage: (after: string | undefined) => Promise<CursorPage<Item>>,
  after?: string,
): AsyncGenerator<Item, void, undefined> {
  let cursor = after

  for (;;) {
    const { items, nextCursor } = await fetchPage(cursor)

    yield* items

    if (nextCursor === null || items.length === 0) {
      return
    }

    cursor = nextCursor
  }
}
