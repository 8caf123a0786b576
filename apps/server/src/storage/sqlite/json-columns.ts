/** Nested fields live in JSON text columns; the conversion stays in one place. */
export function toJson(value: unknown): string {
  return JSON.stringify(value)
}

export function fromJson<T>(text: string): T {
  return JSON.parse(text) as T
}
