/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATIONS = new Set(['dr', 'mr', 'mrs', 'ms', 'st', 'vs', 'etc', 'e.g', 'i.e', 'approx'])

/**
 * Splits a text into trimmed sentences at full stops, question and exclamation marks and line
 * breaks, keeping the closing punctuation with its sentence.
 *
 * @example splitSentences('I lost my job. What now?') // ['I lost my job.', 'What now?']
 */
export function splitSentences(text: string): string[] {
  const sentences: string[] = []
  let current = ''

  for (const part of text.split(/(?<=[.!?\u3002\uff01\uff1f]+)\s+|\n+/u)) {
    current = current ? `${current} ${part}` : part
    const lastWord = /([\p{L}.]+)\.$/u.exec(current.trim())?.[1]?.toLowerCase()

    if (lastWord && ABBREVIATIONS.has(lastWord)) {
      continue
    }

    if (current.trim()) {
      sentences.push(current.trim())
    }

    current = ''
  }

  if (current.trim()) {
    sentences.push(current.trim())
  }

  return sentences
}
