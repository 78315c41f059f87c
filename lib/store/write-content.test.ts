import { describe, expect, it } from 'vitest';
import { article, openTestStore, storePerTest, testSections } from '../testing/fixtures';
import { countArticles, getArticleById } from './articles';
import { getListName, listStories } from './lists';
import { rebuildMonthlyCounts } from './monthly-counts';
import { searchArticles } from './search';
import { listSections, sectionExists } from './sections';
import { listSitemapMonths } from './sitemaps';
import { ContentConflictError } from './store-errors';
import { loadNewStories, refreshAfterLoad, writeContent } from './write-content';

const store = storePerTest();

describe('sections', () => {
  it('are listed in their editorial order', async () => {
    expect((await listSections(store.db, 'en')).map((s) => s.slug)).toEqual(['europe', 'africa']);
    expect(await sectionExists(store.db, 'en', 'africa')).toBe(true);
    expect(await sectionExists(store.db, 'en', 'asia')).toBe(false);
  });
});

describe('writing content', () => {
  it('refuses a slug that still redirects to another story, and writes nothing', async () => {
    await writeContent(store.db, { sections: [], articles: [article({ id: 'first', slug: 'first', previousSlugs: ['taken'] })] });
    const attempt = writeContent(store.db, {
      sections: [],
      articles: [article({ id: 'unrelated', slug: 'unrelated' }), article({ id: 'second', slug: 'taken' })],
    });
    await expect(attempt).rejects.toThrow(ContentConflictError);
    expect(await countArticles(store.db)).toBe(1);
  });

  it('refuses a story in a section that does not exist', async () => {
    await expect(writeContent(store.db, { sections: [], articles: [article({ section: 'asia' })] })).rejects.toThrow(/section "asia" does not exist/);
  });
});

describe('translation groups', () => {
  it('hold one story per edition, and list the published ones', async () => {
    const { listTranslations } = await import('./articles');
    await writeContent(store.db, {
      sections: [],
      articles: [
        article({ id: 'en-story', slug: 'en-story', translationGroup: 'group-one' }),
        article({ id: 'fr-story', edition: 'fr', slug: 'fr-story', translationGroup: 'group-one' }),
        article({ id: 'ar-story', edition: 'ar', section: 'middle-east', slug: 'ar-story', translationGroup: 'group-one', status: 'withdrawn' }),
      ],
    });
    expect((await listTranslations(store.db, 'group-one')).map((t) => t.id).sort()).toEqual(['en-story', 'fr-story']);
    await expect(
      writeContent(store.db, { sections: [], articles: [article({ id: 'en-other', slug: 'en-other', translationGroup: 'group-one' })] }),
    ).rejects.toThrow(/translation group "group-one" already has a story in edition "en"/);
  });
});

describe('an archive load (npm run store:fill)', () => {
  /** Stories of two editions and two sections, with shared tags and authors; one withdrawn, one draft. */
  const archive = Array.from({ length: 40 }, (_, i) =>
    article({
      id: `archive-${i}`,
      edition: i % 5 === 4 ? 'fr' : 'en',
      section: i % 5 === 4 || i % 2 ? 'europe' : 'africa',
      slug: `archive-story-${i}`,
      headline: i % 3 ? `Harbour workers vote on strike ${i}` : `Farmers count the cost of drought ${i}`,
      tags: [`Topic ${i % 4}`, 'Common', `Topic ${i % 4}`],
      authors: [{ name: `Reporter ${i % 3}` }, { name: 'Desk' }],
      publishedAt: new Date(Date.UTC(2017, i % 12, 1 + (i % 27), i % 24)).toISOString(),
      status: i === 7 ? 'withdrawn' : i === 9 ? 'draft' : 'published',
    }),
  );

  async function whatReadersGet(db: typeof store.db) {
    const lists = [];
    for (const edition of ['en', 'fr'] as const) {
      for (const filter of [
        { kind: 'edition' },
        { kind: 'section', slug: 'europe' },
        { kind: 'tag', slug: 'topic-1' },
        { kind: 'author', slug: 'reporter-2' },
      ] as const) {
        lists.push((await listStories(db, { edition, filter, limit: 50 })).items.map((s) => s.id));
      }
    }
    const found = await searchArticles(db, { edition: 'en', terms: { all: true, words: [{ word: 'drought', prefix: false }] }, limit: 50, offset: 0 });
    return {
      lists,
      search: [found.total, found.hits.map((h) => [h.id, h.markedHeadline, h.markedSnippet])],
      stories: await Promise.all(archive.map((a) => getArticleById(db, a.id))),
      tagName: await getListName(db, 'en', 'tag', 'topic-1'),
      months: await listSitemapMonths(db, 'en'),
    };
  }

  it('gives readers what story-by-story writes give them', async () => {
    await writeContent(store.db, { sections: [], articles: archive });
    const written = await whatReadersGet(store.db);
    expect(written.search[0]).toBeGreaterThan(5);

    const other = await openTestStore();
    try {
      await writeContent(other.db, { sections: testSections, articles: [] });
      await loadNewStories(other.db, archive);
      await rebuildMonthlyCounts(other.db);
      await refreshAfterLoad(other.db);
      const loaded = await whatReadersGet(other.db);
      // Stored once per write: the time it was stored.
      const withoutStoredTime = (r: typeof written) => ({ ...r, stories: r.stories.map((s) => s && { ...s, storedTs: 0 }) });
      expect(withoutStoredTime(loaded)).toEqual(withoutStoredTime(written));
    } finally {
      await other.close();
    }
  });

  it('refuses a story already in the store, one in no section or one writeContent must check, and writes nothing', async () => {
    await loadNewStories(store.db, archive.slice(0, 3));
    await expect(loadNewStories(store.db, archive.slice(2, 6))).rejects.toThrow();
    await expect(loadNewStories(store.db, [archive[10]!, article({ id: 'lost', slug: 'lost', section: 'asia' })])).rejects.toThrow(
      /section "asia" does not exist/,
    );
    // What writeContent checks story by story: a slug still redirecting elsewhere, a translation group.
    await writeContent(store.db, { sections: [], articles: [article({ id: 'renamed', slug: 'renamed', previousSlugs: ['old-name'] })] });
    await expect(loadNewStories(store.db, [article({ id: 'squatter', slug: 'old-name' })])).rejects.toThrow(/previous slug of article "renamed"/);
    await expect(loadNewStories(store.db, [article({ id: 'translated', slug: 'translated', translationGroup: 'group-two' })])).rejects.toThrow(/writeContent/);
    expect(await countArticles(store.db)).toBe(4);
  });
});
