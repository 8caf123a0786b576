import type { OutputStream } from './io.js'
import { printable } from './printable.js'
import { formatTable, type Row } from './table.js'

/** Prints each result either for people (lines, tables) or, with --json, as JSON for scripts. */
export class Output {
  constructor(
    private readonly stdout: OutputStream,
    private readonly stderr: OutputStream,
    readonly json: boolean,
  ) {}

  /** The JSON form of a result, or the lines people read. */
  result(value: unknown, lines: () => string[]): void {
    if (this.json) {
      this.stdout.write(`${JSON.stringify(value, null, 2)}\n`)
    } else {
      this.stdout.write(
        lines()
          .map((line) => `${line}\n`)
          .join(''),
      )
    }
  }

  table(value: readonly Row[], columns: readonly string[]): void {
    if (this.json) {
      this.stdout.write(`${JSON.stringify(value, null, 2)}\n`)
    } else if (value.length === 0) {
      this.stdout.write('(none)\n')
    } else {
      this.stdout.write(formatTable(columns, value))
    }
  }

  /** A notice for the person at the terminal; on stderr, so it never mixes with --json output. */
  warn(message: string): void {
    this.stderr.write(`warning: ${printable(message)}\n`)
  }
}
