import type { Pagination } from '@smartsteps/contracts'

export function toOffset(page: number, limit: number) {
  return { offset: (page - 1) * limit, limit }
}

export function paginationOf(total: number, page: number, limit: number): Pagination {
  return { total, page, page_size: limit, pages: Math.ceil(total / limit) }
}
