import { describe, expect, it } from 'vitest';
import { contentTags } from '../domain/content-tags';
import { article, storePerTest } from '../testing/fixtures';
import { latestCacheTagSeq, listCacheTagEvents } from './cache-events';
import { addLiveUpdates } from './live-updates';
import { writeContent } from './write-content';

const store = storePerTest();

describe('the cache-event log', () => {
  it('records, with each write, the tags of every page the write makes stale, in order', async () => {
    const before = await latestCacheTagSeq(store.db);
    await writeContent(store.db, { sections: [], articles: [article({ id: 'first-story', slug: 'first-story', tags: ['Europol'] })] });
    const events = await listCacheTagEvents(store.db, before);
    const tags = events.map((e) => e.tag);
    expect(tags).toEqual(expect.arrayContaining([contentTags.story('first-story'), contentTags.storySlug('en', 'first-story'), contentTags.sitemaps('en')]));
    expect(tags).toContain(contentTags.section('en', 'europe'));
    expect(tags).toContain(contentTags.tag('en', 'europol'));
    expect(events.map((e) => e.seq)).toEqual([...events.map((e) => e.seq)].sort((a, b) => a - b));
    expect(await latestCacheTagSeq(store.db)).toBe(events.at(-1)!.seq);
  });

  it('hands a reader only what happened after the last event it read', async () => {
    await writeContent(store.db, { sections: [], articles: [article({ id: 'first-story', slug: 'first-story' })] });
    const seen = await latestCacheTagSeq(store.db);
    expect(await listCacheTagEvents(store.db, seen)).toEqual([]);
    await writeContent(store.db, { sections: [], articles: [article({ id: 'first-story', slug: 'first-story', live: true })] });
    await addLiveUpdates(store.db, 'first-story', [{ id: 'update-1', publishedAt: '2018-04-27T15:00:00+02:00', body: [{ type: 'subheading', text: 'More' }] }]);
    const later = await listCacheTagEvents(store.db, seen);
    expect(later.length).toBeGreaterThan(0);
    expect(later.every((e) => e.seq > seen)).toBe(true);
    expect(later.map((e) => e.tag)).toContain(contentTags.story('first-story'));
  });

  it('records nothing for a bulk load (no server caches the store yet)', async () => {
    const before = await latestCacheTagSeq(store.db);
    await writeContent(store.db, { sections: [], articles: [article({ id: 'bulk-story', slug: 'bulk-story' })] }, { bulk: true });
    expect(await listCacheTagEvents(store.db, before)).toEqual([]);
  });
});
