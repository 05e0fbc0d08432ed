import { type Logger, pino } from 'pino';

/** The process logger: JSON lines on stdout, one child per job with `{ queue, jobId, campaignId }`. */
export function createLogger(level: string, bindings: Record<string, unknown> = {}): Logger {
  return pino({ level, base: { service: 'regiokit-worker', pid: process.pid, ...bindings } });
}
