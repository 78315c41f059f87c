// @ts-check
/**
 * Prometheus metrics (prom-client), for an operator (docs/deployment.md, "What to watch").
 *
 * Each worker counts in its own registry; the primary answers `GET /metrics` on METRICS_PORT
 * (METRICS_HOSTNAME, 127.0.0.1 unless set) with the sum over its workers (prom-client's
 * AggregatorRegistry, over the cluster's IPC channel) — never on the public port, where readers
 * and the edge are. What Next's bundles count (the purger, the store) reaches the worker's
 * metrics through the process state (`registered('metrics')`), so that one copy of prom-client
 * counts everything.
 */
import cluster from 'node:cluster';
import http from 'node:http';
import client from 'prom-client';
import { register, registered } from '../runtime/process-state.mjs';
import { routeKindOf } from '../domain/url-grammar.mjs';

const seconds = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** A worker's metrics, registered for the rest of the process. Idempotent. */
export function startWorkerMetrics() {
  if (registered('metrics')) return;
  // Answers the primary's requests for this worker's metrics (prom-client listens once one exists).
  new client.AggregatorRegistry();
  // Node's own (heap, event loop lag, garbage collection), summed over the workers.
  client.collectDefaultMetrics();
  new client.Gauge({
    name: 'newsroom_worker_heap_used_bytes',
    help: 'V8 heap in use in each worker process',
    labelNames: ['worker'],
    aggregator: 'max',
    collect() {
      this.set({ worker: String(cluster.worker?.id ?? 0) }, process.memoryUsage().heapUsed);
    },
  });
  const requests = new client.Counter({
    name: 'newsroom_http_requests_total',
    help: 'Requests answered, by route kind (page, rsc, api, feed, sitemap, media, asset, health) and status',
    labelNames: ['kind', 'status'],
  });
  const frontHits = new client.Counter({ name: 'newsroom_front_hits_total', help: 'Pages answered from the page cache by the HTTP front, before Next' });
  const renders = new client.Histogram({
    name: 'newsroom_render_seconds',
    help: 'Answers Next rendered (not from a cache), by route kind, and how long they took',
    labelNames: ['kind'],
    buckets: seconds,
  });
  const shed = new client.Counter({ name: 'newsroom_shed_requests_total', help: 'Requests answered 503 at once because the instance was busy' });
  const storeErrors = new client.Counter({
    name: 'newsroom_store_errors_total',
    help: 'Failed reads or writes: the content store (store) or the shared cache (redis)',
    labelNames: ['store'],
  });
  const feedLag = new client.Histogram({
    name: 'newsroom_change_feed_lag_seconds',
    help: 'From a commit to this process reading its invalidations',
    buckets: seconds,
  });
  const purges = new client.Counter({
    name: 'newsroom_edge_purges_total',
    help: 'Purges sent to an edge, by result (ok, failed)',
    labelNames: ['edge', 'result'],
  });
  const purgeLatency = new client.Histogram({
    name: 'newsroom_edge_purge_seconds',
    help: 'From a commit to its purge landing on an edge (the oldest commit of each purge)',
    labelNames: ['edge'],
    buckets: seconds,
  });
  const worker = String(cluster.worker?.id ?? 0);
  new client.Gauge({
    name: 'newsroom_worker_resident_bytes',
    help: 'Resident memory of each worker process',
    labelNames: ['worker'],
    aggregator: 'max',
    collect() {
      this.set({ worker }, process.memoryUsage.rss());
    },
  });
  new client.Gauge({
    name: 'newsroom_page_cache_bytes',
    help: 'What the page cache holds, by worker (bounded by PAGE_CACHE_MAX_MB)',
    labelNames: ['worker'],
    aggregator: 'max',
    collect() {
      this.set({ worker }, registered('pageCache')?.bytes ?? 0);
    },
  });

  // The read beacon (issue 32): views received, kept after this process's deduplication, counted
  // by the store, and the batches that wrote them — an operator sees writes stay far below views.
  new client.Gauge({
    name: 'newsroom_views',
    help: 'Read beacons since the worker started, by stage: received, collected (not a repeat), counted (written)',
    labelNames: ['stage'],
    collect() {
      const stats = registered('views')?.stats();
      for (const stage of /** @type {const} */ (['received', 'collected', 'counted'])) this.set({ stage }, stats?.[stage] ?? 0);
    },
  });
  new client.Gauge({
    name: 'newsroom_view_batches',
    help: 'Transactions that wrote read beacons since the worker started',
    collect() {
      this.set(registered('views')?.stats().batches ?? 0);
    },
  });

  register('metrics', {
    request(target, status, fromFront, ms, rendered, rsc) {
      const kind = rsc ? 'rsc' : routeKindOf(target);
      requests.inc({ kind, status: String(status) });
      if (fromFront) frontHits.inc();
      if (rendered && kind !== 'health' && kind !== 'asset') renders.observe({ kind }, ms / 1000);
    },
    shed: () => shed.inc(),
    storeError: (store) => storeErrors.inc({ store }),
    feedLag: (ms) => feedLag.observe(Math.max(0, ms) / 1000),
    purge(outcome) {
      purges.inc({ edge: outcome.edge, result: outcome.ok ? 'ok' : 'failed' });
      if (outcome.ok && outcome.fromCommitMs !== null) purgeLatency.observe({ edge: outcome.edge }, outcome.fromCommitMs / 1000);
    },
  });
}

/**
 * The primary's metrics server: the sum of its workers' metrics on `GET /metrics`.
 * @param {{ port: number, hostname: string, log: import('pino').Logger }} options
 */
export function serveClusterMetrics({ port, hostname, log }) {
  const aggregator = new client.AggregatorRegistry();
  const server = http.createServer((req, res) => {
    if (req.url !== '/metrics' || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Metrics are at /metrics\n');
      return;
    }
    aggregator.clusterMetrics().then(
      (text) => res.writeHead(200, { 'Content-Type': aggregator.contentType, 'Cache-Control': 'no-store' }).end(req.method === 'HEAD' ? undefined : text),
      (error) => {
        log.warn({ err: error instanceof Error ? error.message : String(error) }, 'metrics: a worker did not answer');
        res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' }).end('A worker did not answer: try again\n');
      },
    );
  });
  server.on('error', (error) => log.error({ err: error.message, port }, 'metrics: cannot listen'));
  server.listen(port, hostname, () => log.info({ port, hostname }, 'metrics on /metrics'));
  return server;
}
