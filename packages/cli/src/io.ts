/** The streams in which stdin can be read as a terminal: what a hidden prompt needs. */
export interface InputStream extends NodeJS.ReadableStream {
  isTTY?: boolean
  setRawMode?(mode: boolean): unknown
}

export interface OutputStream {
  write(text: string): unknown
}

/**
 * Everything `run` touches outside itself, so tests can drive it in-process with their own
 * environment and capture what it prints.
 */
export interface CliIo {
  stdout: OutputStream
  stderr: OutputStream
  env: Record<string, string | undefined>
  stdin: InputStream
}
