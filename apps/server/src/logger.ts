import { type DestinationStream, pino, type Logger } from 'pino'

export type { Logger }

/**
 * JSON lines on stdout with a fixed envelope (time, level, msg, request_id when there is one).
 * Credentials are redacted by key wherever they appear, as a second line of defence: call
 * sites log ids and outcomes, never bodies.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'smartsteps-server' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: {
      paths: [
        'password',
        '*.password',
        'current_password',
        '*.current_password',
        'new_password',
        '*.new_password',
        'token',
        '*.token',
        'refresh_token',
        '*.refresh_token',
        'authorization',
        '*.authorization',
        'headers.authorization',
      ],
      censor: '[redacted]',
    },
  }

  return destination ? pino(options, destination) : pino(options)
}
