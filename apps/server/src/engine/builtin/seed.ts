/**
 * FNV-1a over a string: a small, fast, stable hash, so every choice the engine makes follows
 * from its input and a test can reproduce any reply.
 */
export function hash(text: string): number {
  let value = 0x811c9dc5

  for (let index = 0; index < text.length; index++) {
    value ^= text.charCodeAt(index)
    value = Math.imul(value, 0x01000193)
  }

  return value >>> 0
}

/** A stable choice from a list, different for each `salt` under the same seed. */
export function pick<T>(items: readonly T[], seed: number, salt: string): T | undefined {
  return items.length === 0 ? undefined : items[hash(`${seed}:${salt}`) % items.length]
}

/** A stable number in 0..1 for this seed and salt. */
export function unit(seed: number, salt: string): number {
  return hash(`${seed}:${salt}`) / 0xffffffff
}
