/**
 * The cache entries every instance shares, in Redis (REDIS_URL). A second level under each
 * process's in-memory cache: a miss in memory asks Redis before rendering, and every render is
 * written to both. Invalidation does not travel through here: it comes from the store's
 * invalidation events, which every instance reads (next-cache-handler.mjs), and an entry
 * carries the event number its data was read at, so a shared entry is judged stale exactly as
 * a local one.
 *
 * Redis is never on a request's critical path for long: a command that takes more than
 * REDIS_TIMEOUT_MS (default 250) counts as a miss, commands fail at once while Redis is away
 * (no offline queue), and the client reconnects by itself. Going away and coming back are
 * logged once each.
 *
 * Plain JavaScript: loaded with the cache handler, outside Next's bundler.
 */
import { createClient } from '@redis/client';
import { logger } from '../runtime/log.mjs';
import { registered } from '../runtime/process-state.mjs';

const timeoutMs = Number(process.env.REDIS_TIMEOUT_MS) > 0 ? Number(process.env.REDIS_TIMEOUT_MS) : 250;
/** Shared entries outlive nothing useful: a week, after which a page is rendered again. */
const ttlSeconds = 7 * 24 * 3600;

/**
 * JSON with Buffers and Maps (what Next puts in page entries) kept as such.
 * @this {Record<string, unknown>}
 * @param {string} key
 * @param {unknown} value
 */
function replacer(key, value) {
  const raw = this[key];
  if (raw instanceof Uint8Array) return { $buffer: Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('base64') };
  if (raw instanceof Map) return { $map: [...raw.entries()] };
  return value;
}

/**
 * @param {string} _key
 * @param {any} value
 */
function reviver(_key, value) {
  if (value && typeof value === 'object') {
    if (typeof value.$buffer === 'string') return Buffer.from(value.$buffer, 'base64');
    if (Array.isArray(value.$map)) return new Map(value.$map);
  }
  return value;
}

/**
 * @param {unknown} entry
 * @returns {string}
 */
export function serialize(entry) {
  return JSON.stringify(entry, replacer);
}

/**
 * @param {string} text
 * @returns {any}
 */
export function deserialize(text) {
  return JSON.parse(text, reviver);
}

/**
 * @template T
 * @param {Promise<T>} promise
 * @returns {Promise<T>}
 */
function withTimeout(promise) {
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis did not answer within ${timeoutMs} ms`)), timeoutMs);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * @param {string} url REDIS_URL
 * @param {string} namespace entries of one build never meet another build's (its build id)
 * @returns {import('../runtime/contract').SharedCache}
 */
export function createSharedCache(url, namespace) {
  const log = logger.child({ component: 'shared-cache' });
  let down = false;
  const wentAway = (/** @type {unknown} */ error) => {
    registered('metrics')?.storeError('redis');
    if (down) return;
    down = true;
    log.warn({ err: error instanceof Error ? error.message : String(error) }, "Redis is unreachable: serving from this instance's own cache until it returns");
  };
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 2000,
      // Keep trying, never more than every 2 s: an instance rejoins soon after Redis returns.
      reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2000),
    },
  });
  client.on('error', wentAway);
  client.on('ready', () => {
    if (down) log.info('Redis is back: sharing the cache again');
    down = false;
  });
  client.connect().catch(wentAway);
  const key = (/** @type {string} */ k) => `newsroom:${namespace}:${k}`;

  return {
    get ready() {
      return client.isReady;
    },
    async get(k) {
      if (!client.isReady) return null;
      try {
        const text = await withTimeout(client.get(key(k)));
        return text ? deserialize(text) : null;
      } catch (error) {
        wentAway(error);
        return null;
      }
    },
    async set(k, entry) {
      if (!client.isReady) return;
      try {
        await withTimeout(client.set(key(k), serialize(entry), { EX: ttlSeconds }));
      } catch (error) {
        wentAway(error);
      }
    },
    async delete(k) {
      if (!client.isReady) return;
      try {
        await withTimeout(client.del(key(k)));
      } catch (error) {
        wentAway(error);
      }
    },
    async ping() {
      return withTimeout(client.ping());
    },
    close: () => client.close?.() ?? client.quit(),
  };
}
