import { describe, expect, it } from 'vitest';
import { article, storiesInSection, storePerTest } from '../testing/fixtures';
import type { ListPosition, StoryFilter } from '../domain/stories';
import { findPageStart, getListName, listStories } from './lists';
import { rebuildMonthlyCounts } from './monthly-counts';
import { writeContent } from './write-content';

const store = storePerTest();

describe('latest stories, page by page', () => {
  it('returns every story exactly once, newest first, across pages', async () => {
    const all = storiesInSection(23);
    await writeContent(store.db, { sections: [], articles: all });
    const seen: string[] = [];
    let after: ListPosition | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<typeof listStories>> = await listStories(store.db, {
        edition: 'en',
        filter: { kind: 'section', slug: 'europe' },
        limit: 5,
        after,
      });
      seen.push(...page.items.map((item) => item.id));
      after = page.next;
      pages += 1;
    } while (after && pages < 10);
    expect(pages).toBe(5);
    expect(seen).toEqual(all.map((a) => a.id).reverse());
  });

  it('breaks ties between stories published at the same second by id', async () => {
    const sameTime = ['b', 'a', 'c'].map((letter) => article({ id: `tie-${letter}`, slug: `tie-${letter}`, publishedAt: '2018-04-27T12:00:00Z' }));
    await writeContent(store.db, { sections: [], articles: sameTime });
    const first = await listStories(store.db, { edition: 'en', limit: 2 });
    const second = await listStories(store.db, { edition: 'en', limit: 2, after: first.next });
    expect([...first.items, ...second.items].map((i) => i.id)).toEqual(['tie-c', 'tie-b', 'tie-a']);
    expect(second.next).toBeNull();
  });

  it('lists a section only with its own published stories', async () => {
    await writeContent(store.db, {
      sections: [],
      articles: [...storiesInSection(2, 'europe'), ...storiesInSection(3, 'africa'), article({ id: 'gone-one', slug: 'gone-one', status: 'withdrawn' })],
    });
    const africa = await listStories(store.db, { edition: 'en', filter: { kind: 'section', slug: 'africa' }, limit: 10 });
    expect(africa.items.map((i) => i.section)).toEqual(['africa', 'africa', 'africa']);
    const everything = await listStories(store.db, { edition: 'en', limit: 10 });
    expect(everything.items.map((i) => i.id)).not.toContain('gone-one');
    expect(everything.items[0]).toMatchObject({
      path: expect.stringMatching(/^\/en\/(europe|africa)\/\d{8}-/),
      image: expect.objectContaining({ width: 1600 }),
    });
  });
});

describe('page numbers over keyset lists', () => {
  it('start each page right after the last story of the page before, and stop at the end', async () => {
    const all = storiesInSection(7);
    await writeContent(store.db, { sections: [], articles: all });
    const newestFirst = all.map((a) => a.id).reverse();
    const filter = { kind: 'section', slug: 'europe' } as const;
    expect(await findPageStart(store.db, { edition: 'en', filter, page: 1, pageSize: 3 })).toBeNull();
    const pages: string[][] = [];
    for (let page = 1; page <= 3; page += 1) {
      const after = await findPageStart(store.db, { edition: 'en', filter, page, pageSize: 3 });
      expect(after, `page ${page}`).not.toBeUndefined();
      pages.push((await listStories(store.db, { edition: 'en', filter, limit: 3, after })).items.map((i) => i.id));
    }
    expect(pages).toEqual([newestFirst.slice(0, 3), newestFirst.slice(3, 6), newestFirst.slice(6)]);
    expect(await findPageStart(store.db, { edition: 'en', filter, page: 4, pageSize: 3 })).toBeUndefined();
    expect(await findPageStart(store.db, { edition: 'en', filter: { kind: 'section', slug: 'europe' }, page: 3, pageSize: 7 })).toBeUndefined();
  });
});

describe('page starts found through monthly and daily counts', () => {
  async function expectEveryPageStart(step: string) {
    // The daily counts add up to the monthly ones, list by list.
    const months = await store.db.selectFrom('list_months').select(['edition', 'kind', 'slug', 'month', 'story_count']).execute();
    const days = await store.db.selectFrom('list_days').select(['edition', 'kind', 'slug', 'day', 'story_count']).execute();
    const byMonth = new Map<string, number>();
    for (const row of days) {
      const key = `${row.edition}/${row.kind}/${row.slug}/${row.day.slice(0, 7)}`;
      byMonth.set(key, (byMonth.get(key) ?? 0) + Number(row.story_count));
    }
    expect(Object.fromEntries(byMonth), `${step}: days against months`).toEqual(
      Object.fromEntries(months.map((row) => [`${row.edition}/${row.kind}/${row.slug}/${row.month}`, Number(row.story_count)])),
    );
    expect(days.length, `${step}: more days than months`).toBeGreaterThan(months.length);
    const lists: StoryFilter[] = [
      { kind: 'section', slug: 'europe' },
      { kind: 'section', slug: 'africa' },
      ...['alpha', 'beta', 'gamma'].map((slug) => ({ kind: 'tag' as const, slug })),
      ...['ana-ortiz', 'ben-okafor'].map((slug) => ({ kind: 'author' as const, slug })),
    ];
    for (const filter of lists) {
      // Where each page starts, the slow way: from every key of the list, newest first.
      const { items } = await listStories(store.db, { edition: 'en', filter, limit: 1000 });
      expect(items.length, `${step}: ${filter.kind} has stories`).toBeGreaterThan(2);
      for (const pageSize of [1, 2, 3, 5]) {
        for (let page = 2; page <= Math.ceil(items.length / pageSize) + 1; page += 1) {
          const last = items[(page - 1) * pageSize - 1];
          const expected = last && items.length > (page - 1) * pageSize ? { publishedTs: Date.parse(last.publishedAt), id: last.id } : undefined;
          const found = await findPageStart(store.db, { edition: 'en', filter, page, pageSize });
          expect(found, `${step}: ${filter.kind} ${'slug' in filter ? filter.slug : ''}, page ${page} of ${pageSize}`).toEqual(expected);
        }
      }
    }
  }

  /** 24 stories over four months, in two sections, with overlapping tags and bylines. */
  const archive = Array.from({ length: 24 }, (_, i) =>
    article({
      id: `story-${String(i).padStart(2, '0')}`,
      slug: `story-${i}`,
      section: i % 3 === 0 ? 'africa' : 'europe',
      tags: [['Alpha'], ['Alpha', 'Beta'], ['Gamma'], ['Beta', 'Gamma']][i % 4]!,
      authors: i % 5 === 0 ? [{ name: 'Ana Ortiz' }, { name: 'Ben Okafor' }] : [{ name: i % 2 ? 'Ana Ortiz' : 'Ben Okafor' }],
      // Several stories at the same instant: the id orders them.
      publishedAt: new Date(Date.UTC(2018, i % 4, 1 + (i % 9), i % 6 === 0 ? 0 : i)).toISOString(),
    }),
  );

  it('agree with walking the whole list, through moves, retags, redating and withdrawals', async () => {
    await writeContent(store.db, { sections: [], articles: archive });
    await expectEveryPageStart('written');
    const [a, b, c, d, e] = archive as [
      ReturnType<typeof article>,
      ReturnType<typeof article>,
      ReturnType<typeof article>,
      ReturnType<typeof article>,
      ReturnType<typeof article>,
    ];
    await writeContent(store.db, {
      sections: [],
      articles: [
        { ...a, section: 'europe' },
        { ...b, tags: ['Gamma'] },
        { ...c, authors: [{ name: 'Ana Ortiz', slug: 'ana-ortiz' }] },
        { ...d, publishedAt: '2018-08-15T10:00:00Z' },
        { ...e, status: 'withdrawn' },
      ],
    });
    await expectEveryPageStart('changed');
    await writeContent(store.db, {
      sections: [],
      articles: [
        { ...e, status: 'published', section: 'africa' },
        { ...d, status: 'withdrawn' },
      ],
    });
    await expectEveryPageStart('changed back');
  }, 30_000);

  it('are the same after a bulk load and a rebuild', async () => {
    await writeContent(store.db, { sections: [], articles: archive }, { bulk: true });
    await rebuildMonthlyCounts(store.db);
    await expectEveryPageStart('bulk');
  }, 30_000);
});

describe('tag and author lists', () => {
  it('list the published stories that carry the tag or the byline, newest first', async () => {
    await writeContent(store.db, {
      sections: [],
      articles: [
        article({ id: 'one', slug: 'one', tags: ['Islamic State group'], authors: [{ name: 'Claire Dubois' }], publishedAt: '2018-04-01T10:00:00Z' }),
        article({
          id: 'two',
          slug: 'two',
          tags: ['Islamic State group', 'Internet'],
          authors: [{ name: 'Tom Hartley' }, { name: 'Claire Dubois' }],
          publishedAt: '2018-04-02T10:00:00Z',
        }),
        article({ id: 'three', slug: 'three', tags: ['Islamic State group'], status: 'withdrawn', publishedAt: '2018-04-03T10:00:00Z' }),
      ],
    });
    const tagged = await listStories(store.db, { edition: 'en', filter: { kind: 'tag', slug: 'islamic-state-group' }, limit: 1 });
    expect(tagged.items.map((i) => i.id)).toEqual(['two']);
    const rest = await listStories(store.db, { edition: 'en', filter: { kind: 'tag', slug: 'islamic-state-group' }, limit: 1, after: tagged.next });
    expect(rest.items.map((i) => i.id)).toEqual(['one']);
    expect(rest.next).toBeNull();
    const byline = await listStories(store.db, { edition: 'en', filter: { kind: 'author', slug: 'claire-dubois' }, limit: 10 });
    expect(byline.items.map((i) => i.id)).toEqual(['two', 'one']);
    expect(await getListName(store.db, 'en', 'tag', 'islamic-state-group')).toBe('Islamic State group');
    expect(await getListName(store.db, 'en', 'author', 'tom-hartley')).toBe('Tom Hartley');
    expect(await getListName(store.db, 'en', 'author', 'nobody')).toBeUndefined();
  });
});
