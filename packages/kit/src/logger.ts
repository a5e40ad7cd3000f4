import { pino, type Logger, type LevelWithSilent } from 'pino';
import { traceLogFields } from './tracing/spans.js';

export type { Logger };

const levels = new Set<string>(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

/**
 * Structured JSON logs on stdout; every line of a request carries its `requestId`, and with
 * tracing on the `trace_id` and `span_id` of the work it was written in.
 */
export function createLogger(options: { level?: string; name?: string; destination?: NodeJS.WritableStream } = {}): Logger {
  const level = (options.level && levels.has(options.level) ? options.level : 'info') as LevelWithSilent;
  const base = { name: options.name ?? 'platform' };
  const settings = { level, base, timestamp: pino.stdTimeFunctions.isoTime, mixin: traceLogFields };
  return options.destination ? pino(settings, options.destination) : pino(settings);
}
