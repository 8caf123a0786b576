export type QueryValue = string | number | boolean | readonly string[] | undefined

/** `?a=1&b=x,y` from the given values; undefined ones are left out, lists are comma-joined. */
export function queryString(query: Record<string, QueryValue> | undefined): string {
  const params = new URLSearchParams()

  for (const [name, value] of Object.entries(query ?? {})) {
    if (value === undefined) {
      continue
    }

    params.set(name, Array.isArray(value) ? value.join(',') : String(value))
  }

  const text = params.toString()

  return text ? `?${text}` : ''
}
