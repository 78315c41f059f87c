import { describe, expect, it } from 'vitest';
import { article, openTestStore, storePerTest, storiesInSection, testSections } from '../testing/fixtures';
import { rebuildMonthlyCounts } from './monthly-counts';
import { listSitemapMonths } from './sitemaps';
import { writeContent } from './write-content';

const store = storePerTest();

describe('sitemap months', () => {
  const months = () => listSitemapMonths(store.db, 'en');

  it('count the published stories of each month as stories are written, moved to another month and withdrawn', async () => {
    const april = article({ id: 'april', slug: 'april', publishedAt: '2018-04-27T10:00:00Z', updatedAt: '2018-04-28T09:00:00Z' });
    const may = article({ id: 'may', slug: 'may', publishedAt: '2018-05-02T10:00:00Z' });
    await writeContent(store.db, { sections: [], articles: [april, may] });
    expect(await months()).toEqual([
      { month: '2018-04', count: 1, lastModifiedTs: Date.parse('2018-04-28T09:00:00Z') },
      { month: '2018-05', count: 1, lastModifiedTs: Date.parse('2018-05-02T10:00:00Z') },
    ]);

    // Corrected publication date: the story leaves April, which empties and disappears.
    await writeContent(store.db, { sections: [], articles: [{ ...april, publishedAt: '2018-05-20T10:00:00Z', updatedAt: '2018-05-21T10:00:00Z' }] });
    expect(await months()).toEqual([{ month: '2018-05', count: 2, lastModifiedTs: Date.parse('2018-05-21T10:00:00Z') }]);

    await writeContent(store.db, { sections: [], articles: [{ ...may, status: 'withdrawn' }] });
    expect((await months()).map((m) => [m.month, m.count])).toEqual([['2018-05', 1]]);
  });

  it('are the same after a bulk load and a rebuild as after story-by-story writes', async () => {
    const batch = storiesInSection(30).map((s, i) => ({ ...s, publishedAt: new Date(Date.UTC(2018, i % 3, 1 + Math.floor(i / 3))).toISOString() }));
    await writeContent(store.db, { sections: [], articles: batch });
    const incremental = await months();
    expect(incremental.map((m) => m.count)).toEqual([10, 10, 10]);

    const other = await openTestStore();
    try {
      await writeContent(other.db, { sections: testSections, articles: [] });
      await writeContent(other.db, { sections: [], articles: batch }, { bulk: true });
      expect(await listSitemapMonths(other.db, 'en')).toEqual([]);
      await rebuildMonthlyCounts(other.db);
      expect(await listSitemapMonths(other.db, 'en')).toEqual(incremental);
    } finally {
      await other.close();
    }
  });
});
