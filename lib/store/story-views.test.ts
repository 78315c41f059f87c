import { describe, expect, it } from 'vitest';
import { article, storePerTest } from '../testing/fixtures';
import { writeContent } from './write-content';
import { forgetReadersBefore, listMostRead, listStoryViewHours, noteMostRead, readersPerAddress, saveViews, type CollectedView } from './story-views';
import { latestCacheTagSeq, listCacheTagEvents } from './cache-events';
import { contentTags } from '../domain/content-tags';

/** Most read in the store (issue 32): views counted once per reader per story per day, in batches. */

const store = storePerTest();
const hour = Date.UTC(2026, 11, 7, 9);
const view = (storyId: string, reader: string, address = reader, day = '2026-12-07'): CollectedView => ({ storyId, reader, address, day, hourTs: hour });

async function twoStories() {
  await writeContent(store.db, {
    sections: [],
    articles: [article({ id: 'first', slug: 'first' }), article({ id: 'second', slug: 'second' }), article({ id: 'draft', slug: 'draft', status: 'draft' })],
  });
}

describe('counting views', () => {
  it('counts a reader once per story per day, whichever batch or process saw them', async () => {
    await twoStories();
    expect(await saveViews(store.db, [view('first', 'r1'), view('first', 'r2'), view('first', 'r1')])).toBe(2);
    expect(await saveViews(store.db, [view('first', 'r1'), view('second', 'r1')])).toBe(1);
    // The next day, the same reader (a new salt would make a new hash anyway) counts again.
    expect(await saveViews(store.db, [view('first', 'r1', 'r1', '2026-12-08')])).toBe(1);
    expect(await listStoryViewHours(store.db, 'first', 0)).toEqual([{ hourTs: hour, views: 3 }]);
  });

  it('lets one address count only a few readers of a story, and no story that is not published', async () => {
    await twoStories();
    const fromOneAddress = Array.from({ length: 20 }, (_, i) => view('first', `ua-${i}`, 'one-address'));
    expect(await saveViews(store.db, fromOneAddress)).toBe(readersPerAddress);
    expect(await saveViews(store.db, [view('draft', 'r1'), view('no-such-story', 'r1')])).toBe(0);
    expect(await listStoryViewHours(store.db, 'draft', 0)).toEqual([]);
    expect(await listStoryViewHours(store.db, 'no-such-story', 0)).toBeUndefined();
  });

  it('forgets who was counted on earlier days', async () => {
    await twoStories();
    await saveViews(store.db, [view('first', 'r1', 'r1', '2026-12-06')]);
    await forgetReadersBefore(store.db, '2026-12-07');
    expect(await store.db.selectFrom('story_view_readers').selectAll().execute()).toEqual([]);
  });
});

describe('most read', () => {
  it('puts the story read by more readers first, and purges the pages that show the list only when its order changes', async () => {
    await twoStories();
    await saveViews(store.db, [view('second', 'a'), view('first', 'b'), view('first', 'c')]);
    const most = await listMostRead(store.db, 'en', hour - 1, 5);
    expect(most.map((s) => [s.id, s.views])).toEqual([
      ['first', 2],
      ['second', 1],
    ]);
    expect(await listMostRead(store.db, 'en', hour + 3_600_000, 5)).toEqual([]);
    expect(await listMostRead(store.db, 'fr', 0, 5)).toEqual([]);
    const seq = await latestCacheTagSeq(store.db);
    expect(await noteMostRead(store.db, 'fr', [])).toBe(false);
    expect(await noteMostRead(store.db, 'en', ['first', 'second'])).toBe(true);
    expect(await noteMostRead(store.db, 'en', ['first', 'second'])).toBe(false);
    expect((await listCacheTagEvents(store.db, seq)).map((e) => e.tag)).toEqual([contentTags.mostRead('en')]);
    // A withdrawn story leaves the list.
    await writeContent(store.db, { sections: [], articles: [article({ id: 'first', slug: 'first', status: 'withdrawn' })] });
    expect((await listMostRead(store.db, 'en', 0, 5)).map((s) => s.id)).toEqual(['second']);
  });
});
