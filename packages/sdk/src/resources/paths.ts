/** `/api/v1/` followed by the segments, each id escaped so it stays one path segment. */
export function apiPath(...segments: string[]): string {
  return `/api/v1/${segments.map((segment) => encodeURIComponent(segment)).join('/')}`
}
