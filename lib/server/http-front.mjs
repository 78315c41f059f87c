// @ts-check
/**
 * The HTTP front of a server process: what every request meets before Next.js sees it, and
 * what every answer carries when it leaves (docs/decisions/012-http-front-and-workers.md).
 *
 * - A request id (kept from a trusted proxy in front, else new) and the client's address
 *   (X-Forwarded-For is believed only from TRUSTED_PROXIES), passed on in request headers.
 * - The request target (request-hygiene.mjs): a URL whose path or query holds a percent sign that does not start a
 *   valid UTF-8 percent-encoding (`%ff`, `%`, `%E0%A4%A`) is taken literally (the stray `%`
 *   becomes `%25`), so each route answers what it answers for a name it does not know: 404,
 *   never the framework's 500. Anything that is not an origin-form target gets 400; an overlong one, 414.
 * - Bounded work (load-shedding.mjs): a queue of the front's, a budget per turn of the event
 *   loop, and an immediate 503 rather than a long wait. Liveness and readiness checks skip the queue.
 * - Security headers on every answer (FrontResponse, answers.mjs; lib/http/security-headers.mjs), the framework's
 *   static files and errors included; a page's own CSP (by hash or nonce) is never replaced.
 * - Every 5xx is logged once, with the request id and the path: if nothing else logged it
 *   (a render error, an API failure, the store being down), the front does.
 *
 * - A page this process holds and may serve as it is, answered without Next (cached-pages.mjs).
 * - A story's read beacon, counted and answered without Next (view-beacon.mjs).
 *
 * Plain JavaScript: it runs before Next's bundles are loaded (lib/server/main.mjs).
 */
import { clientAddressHeader, requestIdHeader, requestIdOf } from '../domain/front-headers.mjs';
import { answerFromCache } from './cached-pages.mjs';
import { answerViewBeacon } from './view-beacon.mjs';
import { accessOf, loggedErrorIds, pathOf, send } from './answers.mjs';
import { performance } from 'node:perf_hooks';
import { createShedding } from './load-shedding.mjs';
import { clientAddress, normaliseAddress, refusedTarget } from './request-hygiene.mjs';
import { registered } from '../runtime/process-state.mjs';
import { contentSeqHeader } from '../http/surrogate-keys.mjs';

/** Paths that are answered whatever the load: a balancer must be able to tell a busy instance from a dead one. */
const unqueuedPaths = new Set(['/api/health', '/api/ready']);

/**
 * @typedef {import('./load-shedding.mjs').SheddingOptions & {
 *   trustedProxies?: string[],
 * }} FrontOptions `trustedProxies`: addresses whose X-Forwarded-For and X-Request-Id are believed (TRUSTED_PROXIES)
 */

/**
 * @param {FrontOptions} options
 */
export function createFront(options) {
  const { log } = options;
  const trusted = new Set((options.trustedProxies ?? ['127.0.0.1', '::1', '::ffff:127.0.0.1']).map(normaliseAddress));
  const shedding = createShedding(options);
  const purgingAnEdge = Boolean(process.env.EDGE_PURGE_URLS);

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   */
  function listener(req, res) {
    const socketAddress = normaliseAddress(req.socket.remoteAddress ?? '');
    const reqId = requestIdOf(req.headers[requestIdHeader], trusted.has(socketAddress));
    req.headers[requestIdHeader] = reqId;
    req.headers[clientAddressHeader] = clientAddress(socketAddress, req.headers['x-forwarded-for'], trusted);
    res.setHeader('X-Request-Id', reqId);
    // A story's read beacon: counted in memory and answered now, whatever the load, without an
    // access line each — thousands a second, counted by the view counter's metrics (view-beacon.mjs).
    if (answerViewBeacon(req, res, pathOf(req.url ?? '/'))) return;

    const started = performance.now();
    res.once('finish', () => {
      const path = pathOf(req.url ?? '/');
      const ms = performance.now() - started;
      const access = accessOf(res);
      const nextCache = res.getHeader('x-nextjs-cache');
      // A render: Next answered without a cache (a page, a feed, an API read), not the front, not shed.
      const rendered = access.from !== 'front' && !access.shed && nextCache !== 'HIT' && nextCache !== 'STALE' && !path.startsWith('/_next/');
      registered('metrics')?.request(req.url ?? '/', res.statusCode, access.from === 'front', ms, rendered, req.headers.rsc !== undefined);
      const logged = loggedErrorIds();
      if (res.statusCode >= 500 && !logged.has(reqId)) {
        log.error({ reqId, method: req.method, path, status: res.statusCode }, 'answered with a server error');
      }
      // The request's one access line, whoever answered it (Next, the cache-hit path, the front).
      log.info({ reqId, method: req.method, path, status: res.statusCode, ms: Math.round(ms * 10) / 10, ...access }, 'request');
    });
    res.once('close', () => loggedErrorIds().delete(reqId));

    if (refusedTarget(req, res, log, reqId)) return;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      route(req, res);
      return;
    }
    // How far this process has read the store's invalidations as the request starts: an edge
    // purged up to a later event keeps the answer no longer than a moment (lib/http/surrogate-keys.mjs,
    // decision 024). In front of an edge, a commit since the last read is read first, so that
    // the first answer after a publish is one the edge may keep.
    const cache = registered('cacheStatus');
    if (purgingAnEdge && cache?.behindTheStore()) {
      cache.catchUp().then(
        () => {
          res.setHeader(contentSeqHeader, String(registered('pageCache')?.seq ?? 0));
          route(req, res);
        },
        () => route(req, res),
      );
      return;
    }
    res.setHeader(contentSeqHeader, String(registered('pageCache')?.seq ?? 0));
    route(req, res);
  }

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   */
  function route(req, res) {
    const path = pathOf(req.url ?? '/');
    // Liveness is this process answering: the front says so itself, in the turn the request
    // arrives, however busy Next is (app/api/health/route.ts answers the same in development).
    if (path === '/api/health' && (req.method === 'GET' || req.method === 'HEAD')) {
      send(res, 200, 'application/json', '{"status":"ok"}', { 'Cache-Control': 'no-store' });
      return;
    }
    // A page this process holds and may serve as it is: answered now, without Next (cached-pages.mjs).
    if (answerFromCache(req, res)) return;
    if (unqueuedPaths.has(path)) shedding.unqueued(req, res);
    else shedding.admit(req, res);
  }

  return { listener, load: shedding.load };
}
