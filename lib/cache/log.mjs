/**
 * The server's structured log: one JSON object per line on stdout (pino), with the instance
 * that wrote it. LOG_LEVEL sets the threshold (default info; `warn` leaves out the access
 * lines). Plain JavaScript so that the cache handler, which Next loads outside its bundler,
 * logs the same way as the app (lib/log.ts re-exports it).
 */
import os from 'node:os';
import pino from 'pino';

const shared = globalThis;

/** @type {import('pino').Logger} */
export const logger = (shared.__newsroomLogger ??= pino({
  level: process.env.LOG_LEVEL || 'info',
  base: { service: 'newsroom', instance: process.env.INSTANCE_NAME || `${os.hostname()}:${process.pid}` },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
}));
