import { describe, expect, it } from 'vitest';
import { article, storePerTest } from '../testing/fixtures';
import { getArticleById } from './articles';
import { addLiveUpdates, getLiveUpdateKey, listLiveUpdates } from './live-updates';
import { writeContent } from './write-content';

const store = storePerTest();

describe('live stories', () => {
  const update = (id: string, publishedAt: string) => ({
    id,
    publishedAt,
    body: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text: id }] }],
  });

  it('keep their updates apart from the story, newest first, and add new ones without losing old ones', async () => {
    await writeContent(store.db, {
      sections: [],
      articles: [
        article({ id: 'live', slug: 'live', live: true, updates: [update('first', '2018-05-06T19:00:00Z'), update('second', '2018-05-06T20:00:00Z')] }),
      ],
    });
    const stored = await getArticleById(store.db, 'live');
    expect(stored?.article.updates).toEqual([]);
    await addLiveUpdates(store.db, 'live', [update('third', '2018-05-06T21:00:00Z')]);
    // Re-importing the file without the API's update keeps it.
    await writeContent(store.db, {
      sections: [],
      articles: [article({ id: 'live', slug: 'live', live: true, updates: [update('first', '2018-05-06T19:00:00Z')] })],
    });
    const all = await listLiveUpdates(store.db, { articleId: 'live', limit: 10 });
    expect(all.map((u) => u.id)).toEqual(['third', 'second', 'first']);
    const newer = await listLiveUpdates(store.db, { articleId: 'live', limit: 10, newerThan: await getLiveUpdateKey(store.db, 'live', 'second') });
    expect(newer.map((u) => u.id)).toEqual(['third']);
  });

  it('refuse updates to a story that is not live', async () => {
    await writeContent(store.db, { sections: [], articles: [article()] });
    await expect(addLiveUpdates(store.db, 'test-story', [update('x-update', '2018-05-06T21:00:00Z')])).rejects.toThrow(/not a live story/);
  });
});
