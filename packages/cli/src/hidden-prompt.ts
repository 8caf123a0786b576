import type { InputStream, OutputStream } from './io.js'

const ENTER = new Set(['\r', '\n'])
const BACKSPACE = new Set(['\u007f', '\b'])
const CTRL_C = '\u0003'
const CTRL_D = '\u0004'

/**
 * Asks for a secret on a terminal without echoing it: raw mode hands over each key press, and
 * nothing is written back but the final newline.
 */
export function promptHidden(question: string, stdin: InputStream, echo: OutputStream) {
  return new Promise<string>((resolve, reject) => {
    let answer = ''

    const finish = (outcome: () => void) => {
      stdin.removeListener('data', onData)
      stdin.setRawMode?.(false)
      stdin.pause()
      echo.write('\n')
      outcome()
    }

    const onData = (chunk: Buffer | string) => {
      for (const character of chunk.toString()) {
        if (ENTER.has(character)) {
          return finish(() => resolve(answer))
        }

        if (character === CTRL_C || character === CTRL_D) {
          return finish(() => reject(new Error('cancelled')))
        }

        answer = BACKSPACE.has(character) ? answer.slice(0, -1) : answer + character
      }
    }

    echo.write(question)
    stdin.setRawMode?.(true)
    stdin.on('data', onData)
    stdin.resume()
  })
}
