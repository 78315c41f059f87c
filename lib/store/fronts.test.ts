import { describe, expect, it } from 'vitest';
import { article, storePerTest, storiesInSection } from '../testing/fixtures';
import { contentTags } from '../domain/content-tags';
import { arrangeFront } from '../domain/fronts';
import { latestCacheTagSeq, listCacheTagEvents } from './cache-events';
import { clearBreakingNews, clearFront, publishedStoriesAmong, readBreakingNews, readFront, saveBreakingNews, saveFront } from './fronts';
import { listStories } from './lists';
import { addLiveUpdates } from './live-updates';
import { getLiveUntilTs } from './articles';
import { applyDueTimedChanges, nextTimedChanges } from './timed-changes';
import { writeContent } from './write-content';

/** What editors set beyond stories, and what the clock changes (decision 019), on both stores. */

const store = storePerTest();

const tagsSince = async (seq: number) => (await listCacheTagEvents(store.db, seq)).map((event) => event.tag);
const iso = (ts: number) => new Date(ts).toISOString().replace(/\.\d{3}Z$/, 'Z');

describe('an editors’ front', () => {
  it('is kept per edition and section, read back as set, and each write makes the pages that show it stale', async () => {
    await writeContent(store.db, { sections: [], articles: storiesInSection(4) });
    const before = await latestCacheTagSeq(store.db);
    await saveFront(store.db, 'en', undefined, { lead: 'europe-001', top: ['europe-000'], untilTs: null });
    await saveFront(store.db, 'en', 'europe', { lead: 'europe-002', top: [], untilTs: null });
    expect(await readFront(store.db, 'en', undefined)).toMatchObject({ lead: 'europe-001', top: ['europe-000'], untilTs: null });
    expect(await readFront(store.db, 'en', 'europe')).toMatchObject({ lead: 'europe-002', top: [] });
    expect(await readFront(store.db, 'fr', undefined)).toBeUndefined();
    expect(await tagsSince(before)).toEqual([contentTags.front('en'), contentTags.front('en', 'europe')]);

    const cleared = await latestCacheTagSeq(store.db);
    expect(await clearFront(store.db, 'en', undefined)).toBe(true);
    expect(await clearFront(store.db, 'en', undefined)).toBe(false);
    expect(await readFront(store.db, 'en', undefined)).toBeUndefined();
    expect(await tagsSince(cleared)).toEqual([contentTags.front('en')]);
  });

  it('drops a story that is withdrawn after it was placed, and leads with the newest story instead', async () => {
    const stories = storiesInSection(3);
    await writeContent(store.db, { sections: [], articles: stories });
    await saveFront(store.db, 'en', undefined, { lead: 'europe-000', top: [], untilTs: null });
    const latest = (await listStories(store.db, { edition: 'en', limit: 10 })).items;
    const arranged = () => publishedStoriesAmong(store.db, 'en', ['europe-000']);
    expect(arrangeFront({ lead: 'europe-000', top: [] }, await arranged(), latest, 2).lead?.id).toBe('europe-000');

    await writeContent(store.db, { sections: [], articles: [{ ...stories[0]!, status: 'withdrawn' }] });
    const after = (await listStories(store.db, { edition: 'en', limit: 10 })).items;
    expect(await arranged()).toEqual([]);
    expect(arrangeFront({ lead: 'europe-000', top: [] }, await arranged(), after, 2).lead?.id).toBe('europe-002');
  });

  it('ends at its time: read as absent from then, removed once by the clock, with its front made stale', async () => {
    await writeContent(store.db, { sections: [], articles: storiesInSection(2) });
    const until = Date.now() + 60_000;
    await saveFront(store.db, 'en', 'europe', { lead: 'europe-000', top: [], untilTs: until });
    expect((await nextTimedChanges(store.db)).get('en')).toBe(until);
    expect(await readFront(store.db, 'en', 'europe', until - 1)).toBeDefined();
    expect(await readFront(store.db, 'en', 'europe', until)).toBeUndefined();

    const before = await latestCacheTagSeq(store.db);
    expect((await applyDueTimedChanges(store.db, until - 1)).fronts).toBe(0);
    expect((await applyDueTimedChanges(store.db, until)).fronts).toBe(1);
    expect((await applyDueTimedChanges(store.db, until + 1)).fronts).toBe(0);
    expect(await tagsSince(before)).toEqual([contentTags.front('en', 'europe')]);
    expect(await nextTimedChanges(store.db)).toEqual(new Map());
  });
});

describe('the breaking-news banner', () => {
  it('is set, replaced and taken down per edition, each time on every page of that edition', async () => {
    const before = await latestCacheTagSeq(store.db);
    await saveBreakingNews(store.db, 'en', { text: 'Polls close', storyId: null, untilTs: null });
    await saveBreakingNews(store.db, 'en', { text: 'Polls have closed', storyId: 'europe-000', untilTs: null });
    expect(await readBreakingNews(store.db, 'en')).toMatchObject({ text: 'Polls have closed', storyId: 'europe-000' });
    expect(await readBreakingNews(store.db, 'fr')).toBeUndefined();
    expect(await clearBreakingNews(store.db, 'en')).toBe(true);
    expect(await readBreakingNews(store.db, 'en')).toBeUndefined();
    expect(await tagsSince(before)).toEqual([contentTags.breaking('en'), contentTags.breaking('en'), contentTags.breaking('en')]);
  });

  it('comes down by the clock when it was given an end', async () => {
    const until = Date.now() + 60_000;
    await saveBreakingNews(store.db, 'fr', { text: 'Alerte', storyId: null, untilTs: until });
    expect((await applyDueTimedChanges(store.db, until)).banners).toBe(1);
    expect(await readBreakingNews(store.db, 'fr')).toBeUndefined();
  });
});

describe('a live story', () => {
  const live = (overrides: Parameters<typeof article>[0] = {}) =>
    article({ id: 'live-story', slug: 'live-story', live: true, publishedAt: iso(Date.now() - 60 * 60_000), ...overrides });

  it('is live for its window after its publication, and each update moves the window on', async () => {
    await writeContent(store.db, { sections: [], articles: [live({ liveWindowMinutes: 90 })] });
    const first = await getLiveUntilTs(store.db, 'live-story');
    expect(first).toBeGreaterThan(Date.now() + 25 * 60_000);
    expect(first).toBeLessThanOrEqual(Date.now() + 30 * 60_000);
    expect((await listStories(store.db, { edition: 'en', limit: 5 })).items[0]?.live).toBe(true);

    await addLiveUpdates(store.db, 'live-story', [
      { id: 'update-1', publishedAt: iso(Date.now()), body: [{ type: 'paragraph', content: [{ type: 'text', text: 'News.' }] }] },
    ]);
    expect(await getLiveUntilTs(store.db, 'live-story')).toBeGreaterThan(first! + 55 * 60_000);
  });

  it('stops being live when its updates stop: its badge leaves every list it is in, once', async () => {
    await writeContent(store.db, { sections: [], articles: [live({ liveWindowMinutes: 90 })] });
    const until = (await getLiveUntilTs(store.db, 'live-story'))!;
    expect((await nextTimedChanges(store.db)).get('en')).toBe(until);
    const before = await latestCacheTagSeq(store.db);
    expect((await applyDueTimedChanges(store.db, until)).liveEnded).toEqual(['live-story']);
    expect((await applyDueTimedChanges(store.db, until)).liveEnded).toEqual([]);
    const tags = await tagsSince(before);
    expect(tags).toEqual(expect.arrayContaining([contentTags.story('live-story'), contentTags.latest('en'), contentTags.section('en', 'europe')]));
    expect(await getLiveUntilTs(store.db, 'live-story')).toBeUndefined();
    expect((await listStories(store.db, { edition: 'en', limit: 5 })).items[0]?.live).toBe(false);
  });

  it('is not live once its window has passed, as the 2018 demo story is not', async () => {
    await writeContent(store.db, { sections: [], articles: [live({ publishedAt: '2018-05-06T19:05:00+03:00' })] });
    expect(await getLiveUntilTs(store.db, 'live-story')).toBeUndefined();
    expect((await listStories(store.db, { edition: 'en', limit: 5 })).items[0]?.live).toBe(false);
  });
});
