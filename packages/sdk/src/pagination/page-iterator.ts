import type { Pagination } from '@smartsteps/contracts'

export interface Page<Item> {
  items: Item[]
  pagination: Pagination
}

/**
 * Every item of a page-numbered listing, page after page. Listings are newest first, so an
 * item created meanwhile pushes older ones onto the next page: items already yielded are
 * skipped rather than repeated. (An item deleted meanwhile can make another one be missed.)
 */
export async function* everyItem<Item>(
  fetchPage: (page: number) => Promise<Page<Item>>,
  idOf: (item: Item) => string,
): AsyncGenerator<Item, void, undefined> {
  const seen = new Set<string>()

  for (let page = 1; ; page++) {
    const { items, pagination } = await fetchPage(page)

    for (const item of items) {
      if (!seen.has(idOf(item))) {
        seen.add(idOf(item))
        yield item
      }
    }

    if (items.length === 0 || page >= pagination.pages) {
      return
    }
  }
}
