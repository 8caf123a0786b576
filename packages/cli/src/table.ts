import { printable } from './printable.js'

export type Row = Record<string, unknown>

/** Left-aligned columns under upper-case headings; `-` where a value is null or missing. */
export function formatTable(columns: readonly string[], rows: readonly Row[]): string {
  const cells = rows.map((row) => columns.map((column) => cellText(row[column])))
  const widths = columns.map((column, index) =>
    Math.max(column.length, ...cells.map((line) => line[index]!.length)),
  )
  const lines = [columns.map((column) => column.toUpperCase()), ...cells].map((line) =>
    line
      .map((cell, index) => cell.padEnd(widths[index]!))
      .join('  ')
      .trimEnd(),
  )

  return `${lines.join('\n')}\n`
}

function cellText(value: unknown): string {
  const text = printable(Array.isArray(value) ? value.join(',') : value)

  return text === '' ? '-' : text
}
