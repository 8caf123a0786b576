export type { CliIo, InputStream, OutputStream } from './io.js'
export { EXIT_FAILED, EXIT_OK, EXIT_USAGE, run } from './run.js'
