// @ts-check
/**
 * Bounded work (http-front.mjs; decision 012). Node.js handles, in each turn of its event loop,
 * every request that has arrived: under more load than the process can serve, a turn grows
 * until every reader waits seconds. So requests wait in a queue of the front's, and each turn
 * hands Next only `loopBudgetMs` worth of them (and at most `maxInFlight` at once, for work that
 * waits on the database rather than the processor): turns stay short, so checks and new
 * connections are answered in time. A request that has waited `maxQueueMs`, or finds `maxQueue`
 * ahead of it, gets an immediate small 503 with Retry-After — never rendered, never cached —
 * in its edition's language, instead of a long wait.
 */
import { performance } from 'node:perf_hooks';
import { requestIdHeader } from '../domain/front-headers.mjs';
import { firstSegment } from '../domain/url-grammar.mjs';
import { escapeHtml, loggedErrorIds, noteAccess, pathOf, send } from './answers.mjs';
import { registered } from '../runtime/process-state.mjs';

/**
 * @typedef {object} SheddingOptions
 * @property {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => unknown} handle Next's request handler
 * @property {import('pino').Logger} log
 * @property {number} [maxInFlight] requests handed to Next at once (MAX_IN_FLIGHT)
 * @property {number} [maxQueue] requests waiting beyond those (MAX_QUEUE)
 * @property {number} [maxQueueMs] longest wait before a queued request is answered 503 (MAX_QUEUE_MS)
 * @property {number} [loopBudgetMs] request handling per turn of the event loop before new requests are answered 503 (LOOP_BUDGET_MS)
 * @property {(edition: string | null) => { lang: string, dir: string, title: string, message: string }} [busyText]
 * @property {string[]} [editions] the editions' ids, to answer a page's 503 in its language
 */

/**
 * @param {SheddingOptions} options
 */
export function createShedding(options) {
  const { handle, log } = options;
  const maxInFlight = options.maxInFlight ?? 8;
  const maxQueue = options.maxQueue ?? 256;
  const maxQueueMs = options.maxQueueMs ?? 500;
  const loopBudgetMs = options.loopBudgetMs ?? 20;
  const editions = new Set(options.editions ?? []);
  const busyText = options.busyText ?? (() => ({ lang: 'en', dir: 'ltr', title: 'Too many readers at once', message: 'Try again in a moment.' }));
  const shedLog = rateLimitedLog(log, 20);

  let inFlight = 0;
  /** @type {{ req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, queuedAt: number }[]} */
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
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
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

  /** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res @param {string} reason */
  function shed(req, res, reason) {
    stats.shed += 1;
    registered('metrics')?.shed();
    noteAccess(res, { shed: reason });
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
    const first = firstSegment(path);
    const edition = editions.has(first) ? first : null;
    if (edition || path === '/') {
      const text = busyText(edition);
      const html = `<!doctype html><html lang="${escapeHtml(text.lang)}" dir="${escapeHtml(text.dir)}"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(text.title)}</title><h1>${escapeHtml(text.title)}</h1><p>${escapeHtml(text.message)}</p></html>\n`;
      send(res, 503, 'text/html; charset=utf-8', html, headers);
      return;
    }
    send(res, 503, 'text/plain; charset=utf-8', 'Busy: try again in a moment.\n', headers);
  }

  /** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res @param {unknown} error */
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
   * Hands the request to Next now, or queues it, or answers 503 at once.
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   */
  function admit(req, res) {
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
    admit,
    /**
     * Hands the request to Next now, not counted against the others: a check must not wait
     * behind readers, nor take a reader's place.
     * @param {import('node:http').IncomingMessage} req
     * @param {import('node:http').ServerResponse} res
     */
    unqueued: (req, res) => dispatch(req, res, false),
    /** What the front holds now: for the readiness check and the tests. */
    load: () => ({ inFlight, queued: queue.length - queueHead, ...stats }),
  };
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
