/**
 * Passwords of the minimum length that guessers try first: keyboard walks, counting, and the
 * famous passphrase every example uses. Folded (see password-policy.ts) before comparing.
 */
const COMMON_PASSWORDS = new Set([
  '123456789012',
  '1234567890ab',
  '123456789abc',
  'abcdefghijkl',
  'abcd1234abcd',
  'a1b2c3d4e5f6',
  '1q2w3e4r5t6y',
  'q1w2e3r4t5y6',
  '1qaz2wsx3edc',
  'qazwsxedcrfv',
  'zaq12wsxcde3',
  'qwertyuiopas',
  'asdfghjklzxc',
  'qwertzuiopas',
  'azertyuiopqs',
  'correcthorsebatterystaple',
  'correct horse battery staple',
  'correct-horse-battery-staple',
])

/**
 * Words such passwords are built on: with only digits and symbols around them
 * (`Password123!`, `#welcome2025`) they are guessed as quickly as the word alone.
 */
const COMMON_WORDS = new Set([
  'password',
  'passw0rd',
  'p@ssword',
  'p@ssw0rd',
  'qwerty',
  'qwertyuiop',
  'asdfgh',
  'asdfghjkl',
  'zxcvbnm',
  'abc',
  'abcdef',
  'iloveyou',
  'welcome',
  'letmein',
  'changeme',
  'secret',
  'login',
  'admin',
  'administrator',
  'monkey',
  'dragon',
  'football',
  'baseball',
  'sunshine',
  'princess',
  'trustno',
  'smartsteps',
  'therapist',
  'therapy',
  'counsellor',
  'counselor',
  'facilitator',
  'supervisor',
])

/** Digits, symbols and spaces at either end: what people pad a common word with. */
const PADDING = /^[^\p{L}]+|[^\p{L}]+$/gu

/** Whether a folded password is one of the first a guesser would try. */
export function isCommonPassword(folded: string): boolean {
  return COMMON_PASSWORDS.has(folded) || COMMON_WORDS.has(folded.replace(PADDING, ''))
}
