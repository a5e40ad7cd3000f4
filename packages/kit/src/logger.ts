import { pino, type Logger, type LevelWithSilent } from 'pino';

export type { Logger };

const levels = new Set<string>(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

/** Structured JSON logs on stdout; every line of a request carries its `requestId`. */
export function createLogger(options: { level?: string; name?: string; destination?: NodeJS.WritableStream } = {}): Logger {
  const level = (options.level && levels.has(options.level) ? options.level : 'info') as LevelWithSilent;
  const base = { name: options.name ?? 'platform' };
  return options.destination
    ? pino({ level, base, timestamp: pino.stdTimeFunctions.isoTime }, options.destination)
    : pino({ level, base, timestamp: pino.stdTimeFunctions.isoTime });
}
