import { PassThrough } from 'node:stream'

import { describe, expect, it } from 'vitest'

import type { CliIo, InputStream } from './io.js'
import { readNewPassword } from './new-password.js'

/** A stdin that claims to be a terminal, recording raw mode, with the keys typed into it. */
function fakeTerminal(typed: string) {
  const stdin: PassThrough & InputStream & { rawModes: boolean[] } = Object.assign(
    new PassThrough(),
    {
      isTTY: true,
      rawModes: [] as boolean[],
      setRawMode(mode: boolean) {
        stdin.rawModes.push(mode)
      },
    },
  )
  let echoed = ''
  const io: CliIo = {
    stdout: { write: () => true },
    stderr: { write: (text: string) => (echoed += text) },
    env: {},
    stdin,
  }

  // Each key press arrives on its own, as a terminal in raw mode sends them.
  setImmediate(() => [...typed].forEach((key) => stdin.write(key)))

  return { io, stdin, echoed: () => echoed }
}

describe('the new password prompt', () => {
  it('reads the password twice without echoing it, honouring backspace', async () => {
    const terminal = fakeTerminal('plum-orbit-kettle-4x\u007f2\rplum-orbit-kettle-42\r')

    await expect(readNewPassword(terminal.io)).resolves.toBe('plum-orbit-kettle-42')
    expect(terminal.echoed()).toBe('New password: \nRepeat it: \n')
    expect(terminal.stdin.rawModes).toEqual([true, false, true, false])
  })

  it('refuses passwords that differ', async () => {
    const terminal = fakeTerminal('first-password-1\rsecond-password-2\r')

    await expect(readNewPassword(terminal.io)).rejects.toThrow('the passwords differ')
  })

  it('prefers SMARTSTEPS_NEW_PASSWORD to a prompt', async () => {
    const terminal = fakeTerminal('')

    terminal.io.env.SMARTSTEPS_NEW_PASSWORD = 'from-the-environment-7'
    await expect(readNewPassword(terminal.io)).resolves.toBe('from-the-environment-7')
    expect(terminal.echoed()).toBe('')
  })
})
