const FRACTIONS = 1_000_000

// Shared by every client in this process, and started at random so that other processes
// signing for the same key are unlikely to pick the same fractions in the same second.
let fraction = Math.floor(Math.random() * FRACTIONS)

/**
 * Unix seconds with six decimals no earlier call used. The server refuses a signature it has
 * seen, and two bodiless requests signed in the same second would otherwise sign the same text.
 */
export function signatureTimestamp(now = Date.now()): string {
  fraction = (fraction + 1) % FRACTIONS

  return `${Math.floor(now / 1000)}.${String(fraction).padStart(6, '0')}`
}
