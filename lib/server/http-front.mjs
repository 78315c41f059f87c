// @ts-check
/**
 * The HTTP front of a server process: what every request meets before Next.js sees it, and
 * what every answer carries when it leaves (docs/decisions/012-http-front.md).
 *
 * - A request id (kept from a trusted proxy in front, else new) and the client's address
 *   (X-Forwarded-For is believed only from TRUSTED_PROXIES), passed on in request headers.
 * - The request target: a URL whose path or query holds a percent sign that does not start a
 *   valid UTF-8 percent-encoding (`%ff`, `%`, `%E0%A4%A`) is taken literally (the stray `%`
 *   becomes `%25`), so each route answers what it answers for a name it does not know: 404,
 *   never the framework's 500. Anything that is not an origin-form target gets 400; an overlong one, 414.
 * - Bounded work. Node.js handles, in each turn of its event loop, every request that has
 *   arrived: under more load than the process can serve, a turn grows until every reader waits
 *   seconds (measured: 200 connections on a cached article, p99 3.6 s, 268 timeouts,
 *   /api/health answered after 7 s). So requests wait in a queue of the front's, and each turn
 *   hands Next only `loopBudgetMs` worth of them (and at most `maxInFlight` at once, for work
 *   that waits on the database rather than the processor): turns stay short, so checks and new
 *   connections are answered in time. A request that has waited `maxQueueMs`, or finds
 *   `maxQueue` ahead of it, gets an immediate small 503 with Retry-After — never rendered,
 *   never cached — instead of a long wait. Liveness and readiness checks skip the queue.
 * - Security headers on every answer (lib/server/security-headers.mjs), the framework's
 *   static files and errors included; a page's own CSP (by hash or nonce) is never replaced.
 * - Every 5xx is logged once, with the request id and the path: if nothing else logged it
 *   (a render error, an API failure, the store being down), the front does.
 *
 * Plain JavaScript: it runs before Next's bundles are loaded (lib/server/main.mjs).
 */
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { constantSecurityHeaders, contentSecurityPolicy } from './security-headers.mjs';
import { clientAddressHeader, requestIdHeader } from '../domain/front-headers.mjs';
import { answerFromCache } from './cached-pages.mjs';

const requestIdPattern = /^[A-Za-z0-9._-]{8,128}$/;

/** Paths that are answered whatever the load: a balancer must be able to tell a busy instance from a dead one. */
const unqueuedPaths = new Set(['/api/health', '/api/ready']);

const maxTargetLength = 8192;

/**
 * The request ids whose 5xx something else already logged (instrumentation's onRequestError,
 * the API's error handler, the proxy when the store is down): shared through globalThis with
 * Next's bundles, which cannot import this file.
 * @returns {Set<string>}
 */
export function loggedErrorIds() {
  return (globalThis.__newsroomLoggedErrors ??= new Set());
}

/**
 * The same path (or whole request target) with every `%` that does not begin a well-formed, valid UTF-8 percent-encoded
 * sequence escaped as `%25`; the path itself when it decodes.
 * @param {string} path
 * @returns {string}
 */
export function literalPercents(path) {
  if (!path.includes('%')) return path;
  try {
    decodeURIComponent(path);
    return path;
  } catch {
    // repaired below
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let out = '';
  let i = 0;
  while (i < path.length) {
    if (path[i] !== '%') {
      out += path[i];
      i += 1;
      continue;
    }
    // A run of %XX triplets: valid when its bytes are UTF-8, else every % of it is literal.
    let j = i;
    const bytes = [];
    while (j + 2 < path.length && path[j] === '%' && /^[0-9a-fA-F]{2}$/.test(path.slice(j + 1, j + 3))) {
      bytes.push(parseInt(path.slice(j + 1, j + 3), 16));
      j += 3;
    }
    if (bytes.length === 0) {
      out += '%25';
      i += 1;
      continue;
    }
    const run = path.slice(i, j);
    let valid = true;
    try {
      decoder.decode(new Uint8Array(bytes));
    } catch {
      valid = false;
    }
    out += valid ? run : run.replaceAll('%', '%25');
    i = j;
  }
  return out;
}

/**
 * Whether Next can fetch a local picture path from itself and get the file: it decodes, holds
 * no control character or backslash once decoded, and is already in the one form the router
 * answers without a redirect (no empty, `.` or `..` segment, no trailing slash) — Next's image
 * optimizer answers 500 for a redirect.
 * @param {string} path
 */
function isFetchablePath(path) {
  if (literalPercents(path) !== path) return false;
  const decoded = decodeURIComponent(path);
  if (/[\u0000-\u001f\u007f\\]/.test(decoded)) return false;
  const segments = decoded.split('/').slice(1);
  return segments.length > 0 && segments.every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

/**
 * @typedef {object} FrontOptions
 * @property {(req: http.IncomingMessage, res: http.ServerResponse) => unknown} handle Next's request handler
 * @property {import('pino').Logger} log
 * @property {number} [maxInFlight] requests handed to Next at once (MAX_IN_FLIGHT)
 * @property {number} [maxQueue] requests waiting beyond those (MAX_QUEUE)
 * @property {number} [maxQueueMs] longest wait before a queued request is answered 503 (MAX_QUEUE_MS)
 * @property {number} [loopBudgetMs] request handling per turn of the event loop before new requests are answered 503 (LOOP_BUDGET_MS)
 * @property {string[]} [trustedProxies] addresses whose X-Forwarded-For and X-Request-Id are believed (TRUSTED_PROXIES)
 * @property {(edition: string | null) => { lang: string, dir: string, title: string, message: string }} [busyText]
 * @property {string[]} [editions] the editions' ids, to answer a page's 503 in its language
 */

/**
 * @param {FrontOptions} options
 */
export function createFront(options) {
  const { handle, log } = options;
  const maxInFlight = options.maxInFlight ?? 8;
  const maxQueue = options.maxQueue ?? 256;
  const maxQueueMs = options.maxQueueMs ?? 500;
  const loopBudgetMs = options.loopBudgetMs ?? 20;
  const trusted = new Set((options.trustedProxies ?? ['127.0.0.1', '::1', '::ffff:127.0.0.1']).map(normaliseAddress));
  const editions = new Set(options.editions ?? []);
  const busyText = options.busyText ?? (() => ({ lang: 'en', dir: 'ltr', title: 'Too many readers at once', message: 'Try again in a moment.' }));
  const shedLog = rateLimitedLog(log, 20);

  let inFlight = 0;
  /** @type {{ req: http.IncomingMessage, res: http.ServerResponse, queuedAt: number }[]} */
  const queue = [];
  let queueHead = 0;

  const stats = { served: 0, shed: 0 };

  // The turn of the event loop: a setImmediate runs once a turn's I/O callbacks are done; it
  // marks the start of the next turn and hands that turn the requests waiting in the queue.
  // It keeps ticking while requests are in flight or waiting; when idle, the next request
  // starts it again.
  let turnStart = 0;
  let ticking = false;
  const tick = () => {
    turnStart = performance.now();
    shedExpired();
    next();
    if (inFlight > 0 || queue.length > queueHead) setImmediate(tick);
    else ticking = false;
  };
  /** Milliseconds of request handling in this turn so far. */
  function turnElapsed() {
    const now = performance.now();
    if (!ticking) {
      ticking = true;
      turnStart = now;
      setImmediate(tick);
    }
    return now - turnStart;
  }

  /**
   * @param {http.IncomingMessage} req
   * @param {http.ServerResponse} res
   * @param {boolean} [counted] false for the checks that skip the queue
   */
  function dispatch(req, res, counted = true) {
    stats.served += 1;
    if (counted) {
      inFlight += 1;
      res.once('close', () => {
        inFlight -= 1;
        next();
      });
    }
    try {
      const result = handle(req, res);
      if (result && typeof (/** @type {Promise<unknown>} */ (result).catch) === 'function') {
        /** @type {Promise<unknown>} */ (result).catch((error) => failed(req, res, error));
      }
    } catch (error) {
      failed(req, res, error);
    }
  }

  /** The oldest waiting request, taken off the queue; undefined when none waits. */
  function dequeue() {
    while (queueHead < queue.length) {
      const waiting = queue[queueHead];
      queue[queueHead] = /** @type {any} */ (undefined);
      queueHead += 1;
      if (queueHead > 1024 && queueHead * 2 > queue.length) {
        queue.splice(0, queueHead);
        queueHead = 0;
      }
      if (waiting && !waiting.res.destroyed && !waiting.req.socket.destroyed) return waiting;
    }
    return undefined;
  }

  /** Hands waiting requests to Next while a slot is free and this turn's budget lasts. */
  function next() {
    while (inFlight < maxInFlight && queueHead < queue.length && turnElapsed() <= loopBudgetMs) {
      const waiting = dequeue();
      if (!waiting) return;
      if (performance.now() - waiting.queuedAt > maxQueueMs) shed(waiting.req, waiting.res, 'waited too long');
      else dispatch(waiting.req, waiting.res);
    }
  }

  /** Answers 503 to those that have waited longer than they may: the queue's head is the oldest. */
  function shedExpired() {
    const now = performance.now();
    while (queueHead < queue.length) {
      const head = queue[queueHead];
      if (head && now - head.queuedAt <= maxQueueMs) return;
      const waiting = dequeue();
      if (waiting) shed(waiting.req, waiting.res, 'waited too long');
    }
  }

  /** @param {http.IncomingMessage} req @param {http.ServerResponse} res @param {string} reason */
  function shed(req, res, reason) {
    stats.shed += 1;
    const reqId = String(req.headers[requestIdHeader] ?? '');
    const path = pathOf(req.url ?? '/');
    shedLog({ reqId, method: req.method, path, status: 503, reason, inFlight, queued: queue.length - queueHead }, 'overloaded: answered 503 at once');
    const headers = { 'Retry-After': '2', 'Cache-Control': 'no-store' };
    if (path.startsWith('/api/')) {
      send(
        res,
        503,
        'application/json; charset=utf-8',
        JSON.stringify({ error: { status: 503, message: 'The server is busy. Try again in a moment.' } }),
        headers,
      );
      return;
    }
    const [, first = ''] = path.split('/');
    const edition = editions.has(first) ? first : null;
    if (edition || path === '/') {
      const text = busyText(edition);
      const html = `<!doctype html><html lang="${escapeHtml(text.lang)}" dir="${escapeHtml(text.dir)}"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(text.title)}</title><h1>${escapeHtml(text.title)}</h1><p>${escapeHtml(text.message)}</p></html>\n`;
      send(res, 503, 'text/html; charset=utf-8', html, headers);
      return;
    }
    send(res, 503, 'text/plain; charset=utf-8', 'Busy: try again in a moment.\n', headers);
  }

  /** @param {http.IncomingMessage} req @param {http.ServerResponse} res @param {unknown} error */
  function failed(req, res, error) {
    const reqId = String(req.headers[requestIdHeader] ?? '');
    loggedErrorIds().add(reqId);
    log.error(
      { reqId, method: req.method, path: pathOf(req.url ?? '/'), err: error instanceof Error ? { message: error.message, stack: error.stack } : String(error) },
      'request failed before an answer',
    );
    if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Something went wrong on our side.\n', { 'Cache-Control': 'no-store' });
    else res.destroy();
  }

  /**
   * @param {http.IncomingMessage} req
   * @param {http.ServerResponse} res
   */
  function listener(req, res) {
    const socketAddress = normaliseAddress(req.socket.remoteAddress ?? '');
    const fromTrustedProxy = trusted.has(socketAddress);
    const incomingId = req.headers[requestIdHeader];
    const reqId = fromTrustedProxy && typeof incomingId === 'string' && requestIdPattern.test(incomingId) ? incomingId : randomUUID();
    req.headers[requestIdHeader] = reqId;
    req.headers[clientAddressHeader] = clientAddress(socketAddress, req.headers['x-forwarded-for'], trusted);
    res.setHeader('X-Request-Id', reqId);

    res.once('finish', () => {
      const logged = loggedErrorIds();
      if (res.statusCode >= 500 && !logged.has(reqId)) {
        log.error({ reqId, method: req.method, path: pathOf(req.url ?? '/'), status: res.statusCode }, 'answered with a server error');
      }
    });
    res.once('close', () => loggedErrorIds().delete(reqId));

    const target = req.url ?? '';
    if (!target.startsWith('/') || target.startsWith('//')) {
      log.warn({ reqId, method: req.method, target: target.slice(0, 200) }, 'refused: not a path on this site');
      send(res, 400, 'text/plain; charset=utf-8', 'Bad request: the request target must be a path on this site.\n', { 'Cache-Control': 'no-store' });
      return;
    }
    if (target.length > maxTargetLength) {
      log.warn({ reqId, method: req.method, length: target.length }, 'refused: request target too long');
      send(res, 414, 'text/plain; charset=utf-8', `URI too long: at most ${maxTargetLength} characters.\n`, { 'Cache-Control': 'no-store' });
      return;
    }
    const queryAt = target.indexOf('?');
    const path = queryAt === -1 ? target : target.slice(0, queryAt);
    // The query too: some of the framework's own routes (/_next/image) decode it strictly.
    const literal = literalPercents(target);
    if (literal !== target) {
      log.warn({ reqId, method: req.method, target: target.slice(0, 200) }, 'malformed percent-encoding in the request target: taken literally');
      req.url = literal;
    }

    // The framework's image optimizer decodes a local picture's path once more when it fetches
    // it from itself, and answers 500 when that fails: a path that does not decode is a 400 here.
    if (path === '/_next/image') {
      const picture = new URLSearchParams(req.url?.slice(req.url.indexOf('?') + 1) ?? '').get('url') ?? '';
      if (picture.startsWith('/') && !isFetchablePath(picture)) {
        log.warn({ reqId, url: picture.slice(0, 200) }, 'refused: a picture path that does not decode to a plain path');
        send(res, 400, 'text/plain; charset=utf-8', 'Bad request: "url" must be a path that decodes (percent-encoded UTF-8), without control characters.\n', {
          'Cache-Control': 'no-store',
        });
        return;
      }
    }
    // Liveness is this process answering: the front says so itself, in the turn the request
    // arrives, however busy Next is (app/api/health/route.ts answers the same in development).
    if (path === '/api/health' && (req.method === 'GET' || req.method === 'HEAD')) {
      send(res, 200, 'application/json', '{"status":"ok"}', { 'Cache-Control': 'no-store' });
      return;
    }
    // A page this process holds and may serve as it is: answered now, without Next (cached-pages.mjs).
    if (answerFromCache(req, res, log, reqId)) return;
    // Not counted against the others: a check must not wait behind readers, nor take a reader's place.
    if (unqueuedPaths.has(path)) {
      dispatch(req, res, false);
      return;
    }
    if (inFlight < maxInFlight && queueHead === queue.length && turnElapsed() <= loopBudgetMs) {
      dispatch(req, res);
      return;
    }
    if (queue.length - queueHead >= maxQueue) {
      shed(req, res, 'queue full');
      return;
    }
    queue.push({ req, res, queuedAt: performance.now() });
    turnElapsed();
  }

  return {
    listener,
    /** What the front holds now: for the readiness check and the tests. */
    load: () => ({ inFlight, queued: queue.length - queueHead, ...stats }),
  };
}

/**
 * A response that adds the security headers as it is sent, unless the answer set its own
 * (a page's CSP with its script hashes or nonce). A 304 gets no CSP of ours: a browser or
 * nginx would put it in place of the stored page's own.
 */
export class FrontResponse extends http.ServerResponse {
  /** @param {number} statusCode @param {...any} rest */
  // @ts-expect-error -- writeHead's overloads; every form is passed on unchanged.
  writeHead(statusCode, ...rest) {
    const given = headerNames(rest);
    for (const [name, value] of Object.entries(constantSecurityHeaders)) {
      if (!this.hasHeader(name) && !given.has(name.toLowerCase())) this.setHeader(name, value);
    }
    if (statusCode !== 304 && !this.hasHeader('content-security-policy') && !given.has('content-security-policy')) {
      this.setHeader('Content-Security-Policy', basePolicy());
    }
    return super.writeHead(statusCode, ...rest);
  }
}

/** @type {string | undefined} */
let cachedBasePolicy;
const basePolicy = () => (cachedBasePolicy ??= contentSecurityPolicy());

/** @param {any[]} args the arguments of writeHead after the status @returns {Set<string>} */
function headerNames(args) {
  const names = new Set();
  const headers = args.find((arg) => arg && typeof arg === 'object');
  if (!headers) return names;
  if (Array.isArray(headers)) {
    if (Array.isArray(headers[0])) for (const [name] of headers) names.add(String(name).toLowerCase());
    else for (let i = 0; i < headers.length; i += 2) names.add(String(headers[i]).toLowerCase());
  } else {
    for (const name of Object.keys(headers)) names.add(name.toLowerCase());
  }
  return names;
}

/**
 * @param {http.ServerResponse} res
 * @param {number} status
 * @param {string} type
 * @param {string} body
 * @param {Record<string, string>} headers
 */
function send(res, status, type, body, headers) {
  if (res.headersSent) return;
  res.statusCode = status;
  res.setHeader('Content-Type', type);
  res.setHeader('Content-Length', Buffer.byteLength(body));
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.end(res.req?.method === 'HEAD' ? undefined : body);
}

/** @param {string} text */
const escapeHtml = (text) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** @param {string} target */
function pathOf(target) {
  const queryAt = target.indexOf('?');
  return (queryAt === -1 ? target : target.slice(0, queryAt)).slice(0, 300);
}

/** @param {string} address */
function normaliseAddress(address) {
  const trimmed = address.trim().toLowerCase();
  return trimmed.startsWith('::ffff:') && trimmed.includes('.') ? trimmed.slice(7) : trimmed;
}

/**
 * The client's address: the socket's, or, when the socket is a trusted proxy, the nearest
 * address in X-Forwarded-For that is not one of ours (a client may put anything at the start).
 * @param {string} socketAddress
 * @param {string | string[] | undefined} forwardedFor
 * @param {Set<string>} trusted
 */
export function clientAddress(socketAddress, forwardedFor, trusted) {
  if (!forwardedFor || !trusted.has(socketAddress)) return socketAddress;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor).split(',').map(normaliseAddress).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i -= 1) {
    const hop = /** @type {string} */ (hops[i]);
    if (!trusted.has(hop)) return /^[0-9a-f.:]{2,45}$/.test(hop) ? hop : socketAddress;
  }
  return hops[0] ?? socketAddress;
}

/**
 * Logs at most `perSecond` lines a second one by one; beyond that, one line a second says how
 * many more there were (an overload must not also drown the log).
 * @param {import('pino').Logger} log
 * @param {number} perSecond
 */
function rateLimitedLog(log, perSecond) {
  let inWindow = 0;
  let suppressed = 0;
  /** @type {string[]} */
  let suppressedIds = [];
  /** @type {NodeJS.Timeout | null} */
  let window = null;
  let lastMessage = '';
  const close = () => {
    if (suppressed > 0) {
      log.error({ count: suppressed, reqIds: suppressedIds, status: 503 }, `${lastMessage}: ${suppressed} more in the last second`);
    }
    window = null;
    inWindow = 0;
    suppressed = 0;
    suppressedIds = [];
  };
  /** @param {Record<string, unknown>} fields @param {string} message */
  return (fields, message) => {
    window ??= setTimeout(close, 1000).unref();
    lastMessage = message;
    loggedErrorIds().add(String(fields.reqId));
    inWindow += 1;
    if (inWindow <= perSecond) {
      log.error(fields, message);
      return;
    }
    suppressed += 1;
    if (suppressedIds.length < 100) suppressedIds.push(String(fields.reqId));
  };
}
