/**
 * The server's structured log: one JSON object per line on stdout (pino), with the instance
 * and the process that wrote it. LOG_LEVEL sets the threshold (default info; `warn` leaves out the access
 * lines). Plain JavaScript so that the cache handler, which Next loads outside its bundler,
 * logs the same way as the app (lib/log.ts re-exports it).
 */
import cluster from 'node:cluster';
import os from 'node:os';
import pino from 'pino';
import { shared } from './process-state.mjs';

/** @type {import('pino').Logger} */
export const logger = shared('logger', () =>
  pino(
    {
      level: process.env.LOG_LEVEL || 'info',
      // The instance, and which of its processes (lib/server/main.mjs: the primary, or worker n).
      base: {
        service: 'newsroom',
        instance: process.env.INSTANCE_NAME || os.hostname(),
        ...(cluster.isWorker ? { process: `worker ${cluster.worker?.id}` } : {}),
        pid: process.pid,
      },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    // Written asynchronously (issue 17): a blocking write(2) for every access line cost a cached
    // page a fifth of its throughput. Lines are written as they come when the stream is idle and
    // gathered into one write while one is in flight, so nothing waits for a buffer to fill; pino
    // writes what is left synchronously when the process exits (docs/performance.md).
    pino.destination({ dest: 1, sync: false }),
  ),
);
