import { beforeEach, describe, expect, it } from 'vitest';
import NewsroomCacheHandler from './next-cache-handler.mjs';
import type { CacheEvents } from '../runtime/contract';
import { register, registered } from '../runtime/process-state.mjs';

type Event = { seq: number; tag: string };
const events: Event[] = [];
const state = () => registered('pageCache');

/** A write elsewhere records an invalidation; the next request reads it. */
function invalidate(tag: string) {
  events.push({ seq: events.length + 1, tag });
  new NewsroomCacheHandler({}).resetRequestCache();
}

const page = (html: string, tags: string[]) => ({
  kind: 'APP_PAGE',
  html,
  rscData: Buffer.from(html),
  headers: { 'x-next-cache-tags': tags.join(',') },
  status: 200,
});

beforeEach(() => {
  events.length = 0;
  new NewsroomCacheHandler({}).resetRequestCache();
  register('cacheEvents', { startSeq: 0, since: async (seq: number) => events.filter((e) => e.seq > seq) });
  const s = state();
  if (s) {
    s.entries.clear();
    s.tagSeq.clear();
    s.pendingSeq.clear();
    s.localExpiry.clear();
    s.pages.clear();
    s.seq = 0;
    s.bytes = 0;
  }
});

describe('the page cache', () => {
  const handler = new NewsroomCacheHandler({});

  it('answers a miss, then serves what was stored', async () => {
    expect(await handler.get('/en/story', { kind: 'APP_PAGE' })).toBeNull();
    await handler.set('/en/story', page('<p>story</p>', ['story:one']), {});
    expect((await handler.get('/en/story', { kind: 'APP_PAGE' }))?.value.html).toBe('<p>story</p>');
  });

  it('forgets an entry as soon as the store records an invalidation of one of its tags', async () => {
    await handler.get('/en/story', { kind: 'APP_PAGE' });
    await handler.set('/en/story', page('<p>old</p>', ['story:one', 'latest:en']), {});
    invalidate('story:two');
    expect(await handler.get('/en/story', { kind: 'APP_PAGE' })).not.toBeNull();
    invalidate('latest:en');
    expect(await handler.get('/en/story', { kind: 'APP_PAGE' })).toBeNull();
  });

  it('does not trust a render that was running while its content changed', async () => {
    expect(await handler.get('/en/story', { kind: 'APP_PAGE' })).toBeNull(); // render starts
    invalidate('story:one'); // a publish lands mid-render
    await handler.set('/en/story', page('<p>read before the publish</p>', ['story:one']), {});
    expect(await handler.get('/en/story', { kind: 'APP_PAGE' })).toBeNull();
  });

  it('checks the tags Next passes for data entries, and the soft tags of pages', async () => {
    await handler.get('data-key', { kind: 'FETCH', tags: ['section:en:europe'] });
    await handler.set('data-key', { kind: 'FETCH', data: { body: '[]', headers: {}, url: '' }, revalidate: 60 }, { tags: ['section:en:europe'] });
    invalidate('section:en:europe');
    expect(await handler.get('data-key', { kind: 'FETCH', tags: ['section:en:europe'] })).toBeNull();

    await handler.get('/en', { kind: 'APP_PAGE' });
    await handler.set('/en', page('<p>home</p>', []), {});
    await handler.revalidateTag('_N_T_/en');
    expect(await handler.get('/en', { kind: 'APP_PAGE', softTags: ['_N_T_/en'] })).toBeNull();
  });

  it('reads invalidations once per request, not at every lookup', async () => {
    let reads = 0;
    register('cacheEvents', {
      startSeq: 0,
      since: async () => {
        reads += 1;
        return [];
      },
    } as CacheEvents);
    handler.resetRequestCache();
    for (const key of ['/en', 'data-1', 'data-2']) await handler.get(key, { kind: 'APP_PAGE' });
    expect(reads).toBe(1);
    handler.resetRequestCache();
    await handler.get('/en', { kind: 'APP_PAGE' });
    expect(reads).toBe(2);
  });

  it('gives each rendered page a validator, and tells the proxy whether it still holds', async () => {
    const status = registered('cacheStatus')!;
    const key = '/route-cache/APP_PAGE/abc/$/en/story';
    await handler.get(key, { kind: 'APP_PAGE' });
    const rendered = page('<p>story</p>', ['story:one']);
    await handler.set(key, rendered, {});
    const etag = (await handler.get(key, { kind: 'APP_PAGE' }))?.value.headers?.etag as string;
    expect(etag).toMatch(/^W\/"[\w-]{27}"$/);
    // Next answers the render's own request from the object it stores: that answer has it too.
    expect(rendered.headers).toMatchObject({ etag });
    expect(await status.freshPageEtag('/en/story')).toBe(etag);
    expect(await status.freshPageEtag('/en/other')).toBeNull();

    // The same render gives the same validator; another render another one.
    await handler.set(key, page('<p>story</p>', ['story:one']), {});
    expect(await status.freshPageEtag('/en/story')).toBe(etag);
    await handler.set(key, page('<p>story, corrected</p>', ['story:one']), {});
    const corrected = await status.freshPageEtag('/en/story');
    expect(corrected).not.toBeNull();
    expect(corrected).not.toBe(etag);

    // A write recorded by another process: the proxy runs before this request's first lookup,
    // and must read it all the same.
    events.push({ seq: events.length + 1, tag: 'latest:en' });
    expect(await status.freshPageEtag('/en/story')).toBe(corrected);
    events.push({ seq: events.length + 1, tag: 'story:one' });
    expect(await status.freshPageEtag('/en/story')).toBeNull();
  });

  it('keeps serving what it has when the store cannot be read', async () => {
    await handler.get('/en/story', { kind: 'APP_PAGE' });
    await handler.set('/en/story', page('<p>story</p>', ['story:one']), {});
    register('cacheEvents', {
      startSeq: 0,
      since: async () => {
        throw new Error('store down');
      },
    } as CacheEvents);
    handler.resetRequestCache();
    const warn = console.warn;
    console.warn = () => {};
    try {
      expect((await handler.get('/en/story', { kind: 'APP_PAGE' }))?.value.html).toBe('<p>story</p>');
    } finally {
      console.warn = warn;
    }
  });
});
