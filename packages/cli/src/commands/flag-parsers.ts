import { InvalidArgumentError } from 'commander'

/** A whole number of days, at least 1; the server checks the upper bound. */
export function parseDays(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) {
    throw new InvalidArgumentError('a whole number of days, at least 1')
  }

  return Number(value)
}

/** `a,b , c` → ['a', 'b', 'c'], for flags that take a comma-separated list. */
export function parseList(value: string): string[] {
  const items = value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '')

  if (items.length === 0) {
    throw new InvalidArgumentError('at least one value, separated by commas')
  }

  return items
}

/** For a flag that may be given several times: each value is added to the earlier ones. */
export function appendValue(value: string, earlier: string[] = []): string[] {
  return [...earlier, value]
}
