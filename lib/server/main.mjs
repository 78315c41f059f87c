// @ts-check
/**
 * The production server: a primary process that accepts connections and hands them round-robin
 * to worker processes (node:cluster), one per core by default; each worker runs Next.js's
 * request handler (a documented custom server, `next()`) behind our HTTP front
 * (lib/server/http-front.mjs). See docs/decisions/012-http-front-and-workers.md.
 *
 * It replaces the `server.js` that Next writes into .next/standalone, and does what that file
 * does — the build's configuration, the port, keep-alive, a graceful stop — plus the front and
 * the workers. scripts/prepare-standalone.ts copies it to .next/standalone/lib/server/, with the
 * edition strings the front answers in (front-strings.json); `npm run serve` runs it from
 * there, and so can a deployment: `node .next/standalone/lib/server/main.mjs`.
 *
 * Why a primary that only accepts: Node.js accepts one new connection per turn of its event
 * loop. A process busy serving takes long turns, and under a burst of connections a new one
 * (a reader, a health check) waited seconds in the kernel's queue before it was even read. The
 * primary does nothing else, so it accepts at once; the workers serve.
 *
 * Settings: PORT (3000), HOSTNAME (0.0.0.0), KEEP_ALIVE_TIMEOUT (ms), WEB_CONCURRENCY (worker
 * processes; default: one per core), MAX_IN_FLIGHT, MAX_QUEUE, MAX_QUEUE_MS, LOOP_BUDGET_MS (the
 * front's bounds, per worker), TRUSTED_PROXIES (comma-separated addresses whose
 * X-Forwarded-For and X-Request-Id are believed; loopback by default), METRICS_PORT and
 * METRICS_HOSTNAME (Prometheus metrics, lib/server/metrics.mjs: off unless a port is given),
 * EDGE_PURGE_URLS and EDGE_PURGE_SECRET (the edges to purge, lib/edge/purger.ts), WORKER_MEMORY_MB
 * (what each worker may use: its heap and page cache are sized from it).
 */
import cluster from 'node:cluster';
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { logger } from '../runtime/log.mjs';
import { FrontResponse } from './answers.mjs';
import { createFront } from './http-front.mjs';
import { imageHosts } from '../domain/image-hosts.mjs';
import { checkStandalone } from '../http/next-standalone.mjs';
import { edgePurgeSettings } from '../http/edge-settings.mjs';
import { serveClusterMetrics, startWorkerMetrics } from './metrics.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const dir = path.resolve(here, '../..');

/** @type {Record<string, string | undefined>} */ (process.env).NODE_ENV = 'production';
process.chdir(dir);

/** @param {string} name @param {number} fallback */
function positiveInteger(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    logger.fatal(`${name} must be a positive integer, not "${raw}"`);
    process.exit(1);
  }
  return value;
}

const port = Number.parseInt(process.env.PORT ?? '', 10) || 3000;
const hostname = process.env.HOSTNAME || '0.0.0.0';

const requiredFiles = path.join(dir, '.next/required-server-files.json');
if (!fs.existsSync(requiredFiles)) {
  console.error(`server: ${requiredFiles} is missing; run \`npm run build\` first`);
  process.exit(1);
}
const { config } = JSON.parse(fs.readFileSync(requiredFiles, 'utf8'));

// Picture hosts are fixed when the app is built (images.remotePatterns); the schema and the
// CSP read IMAGE_HOSTS at run time. Unset here, it is the build's; set differently, a mistake.
const builtHosts = (config.images?.remotePatterns ?? []).map((/** @type {{ hostname: string }} */ p) => p.hostname).join(',');
if (process.env.IMAGE_HOSTS === undefined) process.env.IMAGE_HOSTS = builtHosts;
else if (imageHosts().join(',') !== builtHosts) {
  logger.fatal(
    { built: builtHosts, configured: process.env.IMAGE_HOSTS },
    'IMAGE_HOSTS differs from the one the app was built with: build again with the same value',
  );
  process.exit(1);
}

// Purges go to the edges an operator named, with their secret (decision 024): wrong, say so now.
try {
  edgePurgeSettings();
} catch (error) {
  logger.fatal({ err: /** @type {Error} */ (error).message }, 'the edge settings are wrong');
  process.exit(1);
}

/** A worker's exit code when it cannot listen: the whole server stops rather than restart it forever. */
const cannotListen = 78;

/**
 * WORKER_MEMORY_MB: the memory each worker may use (docs/deployment.md, "Memory"). Node sizes
 * its heap from the machine's memory, not from what the worker is given, and grows it lazily up
 * to that: on a 24 GB machine a worker's heap may reach 4 GB. Given this, a worker's V8 heap is
 * capped at half of it (--max-old-space-size) and its page cache, with the front's compressed
 * copies (PAGE_CACHE_MAX_MB, when not set), at a quarter; the rest is Node and Next themselves
 * and the buffers in flight. Unset: Node's and the page cache's own defaults.
 * @returns {string[]}
 */
function workerMemoryArgs() {
  if (!process.env.WORKER_MEMORY_MB) return [];
  const megabytes = positiveInteger('WORKER_MEMORY_MB', 0);
  if (megabytes < 256) {
    logger.fatal({ WORKER_MEMORY_MB: megabytes }, 'WORKER_MEMORY_MB must be at least 256: a worker needs about 170 MB before it caches anything');
    process.exit(1);
  }
  if (!process.env.PAGE_CACHE_MAX_MB) process.env.PAGE_CACHE_MAX_MB = String(Math.floor(megabytes / 4));
  return [`--max-old-space-size=${Math.floor(megabytes / 2)}`];
}

if (cluster.isPrimary) runPrimary();
else await runWorker();

/** Starts the workers, replaces one that dies, and on SIGTERM stops them all and waits for them. */
function runPrimary() {
  const log = logger.child({ process: 'primary' });
  const count = positiveInteger('WEB_CONCURRENCY', os.availableParallelism());
  // Round-robin: the primary accepts and passes each connection on (Linux's default, set for all).
  cluster.schedulingPolicy = cluster.SCHED_RR;
  // Workers run this file itself (the primary may have been started through scripts/serve.mjs).
  cluster.setupPrimary({ exec: fileURLToPath(import.meta.url), execArgv: [...process.execArgv, ...workerMemoryArgs()] });
  let stopping = false;
  /** @type {NodeJS.Signals | null} null when stopping because of a fault, not a signal */
  let stopSignal = null;
  /** Start times of workers, to tell a crash loop from an occasional crash. */
  const startedAt = new Map();

  const fork = () => {
    const worker = cluster.fork();
    startedAt.set(worker.id, Date.now());
  };
  // The first worker opens the store (migrating and seeding a new one) before the others
  // start: two processes migrating one new SQLite file at once would trip over each other.
  // Next prepares a production server on its first request, and the store is opened then
  // (instrumentation.ts): the primary asks the first worker for /api/ready, then forks the rest.
  fork();
  cluster.once('listening', () => {
    const local = hostname === '0.0.0.0' || hostname === '::' ? '127.0.0.1' : hostname;
    let forked = false;
    const forkTheRest = () => {
      if (forked) return;
      forked = true;
      for (let i = 1; i < count; i += 1) fork();
    };
    const request = http.get({ host: local, port, path: '/api/ready', timeout: 60_000 }, (response) => {
      response.resume();
      response.on('end', forkTheRest);
    });
    request.on('timeout', () => request.destroy());
    request.on('error', forkTheRest);
  });

  cluster.on('exit', (worker, code, signal) => {
    const lived = Date.now() - (startedAt.get(worker.id) ?? Date.now());
    startedAt.delete(worker.id);
    if (code === cannotListen && !stopping) {
      log.fatal({ worker: worker.id, port, hostname }, 'a worker cannot listen: stopping the server');
      stopping = true;
      stopSignal = null;
      for (const other of Object.values(cluster.workers ?? {})) other?.process.kill('SIGTERM');
      process.exitCode = 1;
    }
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) {
        log.info('every worker has stopped');
        process.exit(stopSignal === null ? 1 : stopSignal === 'SIGINT' ? 130 : 143);
      }
      return;
    }
    // A worker that dies at once will again: wait a little rather than spin.
    const delay = lived < 5000 ? 2000 : 0;
    log.error(
      { worker: worker.id, workerPid: worker.process.pid, code, signal, livedMs: lived },
      `a worker stopped unexpectedly; starting another${delay ? ` in ${delay} ms` : ''}`,
    );
    setTimeout(fork, delay);
  });

  /** @param {NodeJS.Signals} signal */
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    stopSignal = signal;
    log.info({ signal, workers: Object.keys(cluster.workers ?? {}).length }, `${signal}: the workers finish their requests in flight, then stop`);
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  log.info({ port, hostname, workers: count }, 'starting');
  // Prometheus metrics on a port of their own, never the public one (lib/server/metrics.mjs).
  if (process.env.METRICS_PORT) {
    const metricsPort = positiveInteger('METRICS_PORT', 0);
    if (metricsPort === port) {
      log.fatal({ port }, 'METRICS_PORT must not be the public PORT: metrics are for the operator, not for readers');
      process.exit(1);
    }
    const metricsServer = serveClusterMetrics({ port: metricsPort, hostname: process.env.METRICS_HOSTNAME || '127.0.0.1', log });
    metricsServer.unref();
  }
}

async function runWorker() {
  const require = createRequire(import.meta.url);
  const keepAliveTimeout = Number.parseInt(process.env.KEEP_ALIVE_TIMEOUT ?? '', 10);
  // The output this process runs from is what we assume it is (lib/http/next-formats.mjs).
  checkStandalone(dir, logger);
  // What Next's own standalone server.js does: the build's configuration, not next.config.js.
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify({ ...config, distDir: './.next' });

  /** @type {Record<string, { lang: string, dir: string, serverBusyTitle: string, serverBusyMessage: string }>} */
  const strings = JSON.parse(fs.readFileSync(path.join(here, 'front-strings.json'), 'utf8'));
  const editionIds = Object.keys(strings);
  const defaultEdition = /** @type {string} */ (editionIds[0]);

  startWorkerMetrics();
  const next = /** @type {typeof import('next').default} */ (require('next'));
  const app = next({ dev: false, dir, hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();

  const front = createFront({
    handle: (req, res) => handle(req, res),
    log: logger,
    maxInFlight: positiveInteger('MAX_IN_FLIGHT', 8),
    maxQueue: positiveInteger('MAX_QUEUE', 256),
    maxQueueMs: positiveInteger('MAX_QUEUE_MS', 500),
    loopBudgetMs: positiveInteger('LOOP_BUDGET_MS', 20),
    trustedProxies: process.env.TRUSTED_PROXIES?.split(',')
      .map((a) => a.trim())
      .filter(Boolean),
    editions: editionIds,
    busyText: (edition) => {
      const text = /** @type {(typeof strings)[string]} */ (strings[edition ?? defaultEdition]);
      return { lang: text.lang, dir: text.dir, title: text.serverBusyTitle, message: text.serverBusyMessage };
    },
  });

  const server = http.createServer({ ServerResponse: /** @type {any} */ (FrontResponse) }, front.listener);
  if (Number.isFinite(keepAliveTimeout) && keepAliveTimeout >= 0) server.keepAliveTimeout = keepAliveTimeout;
  server.on('upgrade', (_req, socket) => socket.destroy());
  server.on('error', (error) => {
    logger.fatal({ err: error.message }, 'server cannot listen');
    // Not a crash another worker would mend (the port is taken, say): the primary stops too.
    process.exit(cannotListen);
  });
  server.listen(port, hostname, () => {
    process.env.__NEXT_PRIVATE_ORIGIN = `http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${port}`;
    logger.info({ port, hostname }, 'listening');
  });

  let stopping = false;
  /**
   * SIGTERM (or SIGINT): stop taking connections, finish the requests in flight and those
   * waiting in the front's queue, then stop — with 128 + the signal's number, like Next's server.
   * @param {NodeJS.Signals} signal
   */
  const stop = (signal) => {
    // Signalled twice (to the process group, and again by the primary): once is enough.
    if (stopping) return;
    stopping = true;
    logger.info({ signal, ...front.load() }, `${signal}: finishing requests in flight, then stopping`);
    server.close(() => {
      Promise.resolve(app.close())
        .catch((error) => logger.error({ err: String(error) }, 'closing the app failed'))
        .finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  // The terminal sends SIGINT to the whole group; the primary decides.
  process.on('SIGINT', () => {});
}
