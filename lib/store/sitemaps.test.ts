import { describe, expect, it } from 'vitest';
import { article, storiesInSection, storePerTest } from '../testing/fixtures';
import { listIndexableListPages, listStoriesPublishedBetween } from './sitemaps';
import { writeContent } from './write-content';

const store = storePerTest();

describe('what the sitemaps list', () => {
  it('is the published stories of a time span, oldest first, with their address, picture and times', async () => {
    const stories = storiesInSection(5);
    await writeContent(store.db, {
      sections: [],
      articles: [...stories, article({ id: 'gone-story', slug: 'gone-story', status: 'withdrawn', publishedAt: stories[2]!.publishedAt })],
    });
    const span = { edition: 'en' as const, fromTs: Date.parse(stories[1]!.publishedAt), toTs: Date.parse(stories[4]!.publishedAt), limit: 10 };
    const listed = await listStoriesPublishedBetween(store.db, span);
    expect(listed.map((s) => s.headline)).toEqual([stories[1]!, stories[2]!, stories[3]!].map((s) => s.headline));
    expect(listed[0]).toMatchObject({
      path: '/en/europe/20180401-europe-story-1',
      image: { src: stories[1]!.mainImage.src },
      publishedAt: stories[1]!.publishedAt,
    });
    expect((await listStoriesPublishedBetween(store.db, { ...span, newestFirst: true })).map((s) => s.headline)).toEqual(
      [stories[3]!, stories[2]!, stories[1]!].map((s) => s.headline),
    );
    expect(await listStoriesPublishedBetween(store.db, { ...span, limit: 1, offset: 2 })).toHaveLength(1);
  });

  it('is the tag and author pages that list at least one published story, with their latest story time', async () => {
    await writeContent(store.db, {
      sections: [],
      articles: [
        article({ id: 'older-story', slug: 'older-story', tags: ['Rail'], publishedAt: '2018-04-01T10:00:00Z' }),
        article({ id: 'newer-story', slug: 'newer-story', tags: ['Rail', 'Energy'], publishedAt: '2018-04-03T10:00:00Z' }),
        article({ id: 'withdrawn-story', slug: 'withdrawn-story', tags: ['Cinema'], status: 'withdrawn' }),
      ],
    });
    expect(await listIndexableListPages(store.db, 'en', 'tag', 10)).toEqual([
      { slug: 'energy', lastPublishedTs: Date.parse('2018-04-03T10:00:00Z') },
      { slug: 'rail', lastPublishedTs: Date.parse('2018-04-03T10:00:00Z') },
    ]);
    expect(await listIndexableListPages(store.db, 'en', 'author', 10)).toEqual([
      { slug: 'claire-dubois', lastPublishedTs: Date.parse('2018-04-03T10:00:00Z') },
    ]);
  });
});
