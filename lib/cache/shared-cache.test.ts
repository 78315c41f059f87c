import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../testing/fixtures';
import { deserialize, serialize } from './shared-cache.mjs';
import { register, registered } from '../runtime/process-state.mjs';

/**
 * The second level of the page cache, in a real Redis (TEST_REDIS_URL, default the local one):
 * an entry rendered by one instance is served by another, judged stale by the same
 * invalidation events, and a Redis that is away costs nothing but the sharing.
 */

const redisUrl = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';
type Event = { seq: number; tag: string };
const events: Event[] = [];
type State = {
  entries: Map<string, unknown>;
  pages: Map<string, string>;
  tagSeq: Map<string, number>;
  pendingSeq: Map<string, number>;
  seq: number;
  bytes: number;
  baseSeq: number | null;
  shared: { close(): Promise<void> } | null;
};
const state = () => registered('pageCache') as unknown as State;

/** A build folder with its own id, so that every run uses keys of its own. */
function buildDir(): string {
  const dir = makeTempDir('newsroom-build-');
  fs.writeFileSync(path.join(dir, 'BUILD_ID'), `test-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  fs.mkdirSync(path.join(dir, 'server'));
  return path.join(dir, 'server');
}

async function freshHandler(url: string) {
  const s = registered('pageCache') as unknown as State | undefined;
  if (s?.shared) await s.shared.close().catch(() => {});
  if (s) s.shared = null;
  process.env.REDIS_URL = url;
  const { default: Handler } = await import('./next-cache-handler.mjs');
  const handler = new Handler({ serverDistDir: buildDir() });
  // Let the client connect.
  for (let i = 0; i < 40 && !(state().shared as unknown as { ready: boolean })?.ready; i += 1) await new Promise((r) => setTimeout(r, 25));
  return handler;
}

/** What another instance sees: the same Redis and store, an empty memory. */
function forgetLocally() {
  const s = state();
  s.entries.clear();
  s.pages.clear();
  s.bytes = 0;
}

function invalidate(handler: { resetRequestCache(): void }, tag: string) {
  events.push({ seq: events.length + 1, tag });
  handler.resetRequestCache();
}

const page = (html: string, tags: string[]) => ({
  kind: 'APP_PAGE',
  html,
  rscData: Buffer.from(`rsc:${html}`),
  segmentData: new Map([['/_index', Buffer.from('segment')]]),
  headers: { 'x-next-cache-tags': tags.join(',') },
  status: 200,
});

beforeEach(() => {
  events.length = 0;
  register('cacheEvents', {
    startSeq: 0,
    since: async (seq: number) => events.filter((e) => e.seq > seq),
  });
});

afterAll(async () => {
  await state()
    ?.shared?.close()
    .catch(() => {});
  delete process.env.REDIS_URL;
});

describe('entries in Redis', () => {
  it('keep Buffers and Maps as they were', () => {
    const entry = { value: page('<p>x</p>', ['a']), lastModified: 1, seq: 2, tags: ['a'], size: 3 };
    const back = deserialize(serialize(entry)) as typeof entry;
    expect(Buffer.isBuffer(back.value.rscData)).toBe(true);
    expect(back.value.rscData.toString()).toBe('rsc:<p>x</p>');
    expect(back.value.segmentData.get('/_index')?.toString()).toBe('segment');
    expect(back).toEqual(entry);
  });

  it('are served to another instance, and judged stale by the same invalidations', async () => {
    const handler = await freshHandler(redisUrl);
    const key = '/route-cache/APP_PAGE/abc/$/en/europe/20180427-shared';
    expect(await handler.get(key, { kind: 'APP_PAGE' })).toBeNull();
    await handler.set(key, page('<p>rendered by A</p>', ['story:shared']), {});

    forgetLocally();
    const onB = await handler.get(key, { kind: 'APP_PAGE' });
    expect(onB?.value.html).toBe('<p>rendered by A</p>');
    expect(Buffer.isBuffer(onB?.value.rscData)).toBe(true);
    // Now held locally too: the proxy may serve it while the store is down.
    expect(state().pages.get('/en/europe/20180427-shared')).toBe(key);

    invalidate(handler, 'story:shared');
    forgetLocally();
    expect(await handler.get(key, { kind: 'APP_PAGE' })).toBeNull();
  });
});

describe('a Redis that is away', () => {
  it('costs nothing but the sharing: lookups miss at once, writes stay local', async () => {
    const closed = await new Promise<number>((resolve) => {
      const server = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as net.AddressInfo;
        server.close(() => resolve(port));
      });
    });
    const handler = await freshHandler(`redis://127.0.0.1:${closed}`);
    const started = Date.now();
    expect(await handler.get('/route-cache/APP_PAGE/x/$/en', { kind: 'APP_PAGE' })).toBeNull();
    await handler.set('/route-cache/APP_PAGE/x/$/en', page('<p>home</p>', []), {});
    expect((await handler.get('/route-cache/APP_PAGE/x/$/en', { kind: 'APP_PAGE' }))?.value.html).toBe('<p>home</p>');
    expect(Date.now() - started).toBeLessThan(500);
  });
});
