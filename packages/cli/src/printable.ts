// Control characters, ANSI escapes included: names and messages come from the server, and a
// crafted key name must not be able to rewrite the operator's terminal.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]+/g

/** One line of text safe to print to a terminal. */
export function printable(value: unknown): string {
  return String(value ?? '').replace(CONTROL_CHARACTERS, ' ')
}
