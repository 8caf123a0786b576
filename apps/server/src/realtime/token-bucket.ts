/** A token bucket: `burst` frames at once, refilled at `perSecond`. */
export function createTokenBucket(perSecond: number, burst: number, now = () => performance.now()) {
  let tokens = burst
  let last = now()

  return function take(): boolean {
    const current = now()

    tokens = Math.min(burst, tokens + ((current - last) / 1000) * perSecond)
    last = current

    if (tokens < 1) {
      return false
    }

    tokens -= 1
    return true
  }
}
