import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { article, openTestStore, testSections } from '../testing/fixtures';
import {
  ContentConflictError,
  addLiveUpdates,
  countArticles,
  findPageStart,
  getArticleById,
  getLiveUpdateKey,
  getOrCreateSetting,
  listLiveUpdates,
  getArticleByLocator,
  getAuthorName,
  getTagName,
  highlightEnd,
  highlightStart,
  listRelated,
  listSitemapMonths,
  rebuildMonthlyCounts,
  searchArticles,
  listStories,
  listSections,
  resolveArticleUrl,
  sectionExists,
  writeContent,
  type ListCursor,
  type StoryFilter,
} from './article-repository';
import type { Store } from './database';

let store: Store;

beforeEach(async () => {
  store = await openTestStore();
  await writeContent(store.db, { sections: testSections, articles: [] });
});

afterEach(async () => {
  await store.close();
});

/** n stories in europe, one hour apart, the newest last. */
function stories(n: number, section = 'europe') {
  return Array.from({ length: n }, (_, i) =>
    article({
      id: `${section}-${String(i).padStart(3, '0')}`,
      section,
      slug: `${section}-story-${i}`,
      publishedAt: new Date(Date.UTC(2018, 3, 1, i)).toISOString(),
    }),
  );
}

describe('finding a story by its address', () => {
  it('finds a published story at exactly its edition, section, date and slug', async () => {
    await writeContent(store.db, { sections: [], articles: [article()] });
    const found = await getArticleByLocator(store.db, { edition: 'en', section: 'europe', date: '20180427', slug: 'test-story' });
    expect(found?.headline).toBe('A test story');
    expect(await getArticleByLocator(store.db, { edition: 'en', section: 'africa', date: '20180427', slug: 'test-story' })).toBeUndefined();
    expect(await getArticleByLocator(store.db, { edition: 'en', section: 'europe', date: '20180428', slug: 'test-story' })).toBeUndefined();
  });

  it('does not serve a withdrawn story', async () => {
    await writeContent(store.db, { sections: [], articles: [article({ status: 'withdrawn' })] });
    expect(await getArticleByLocator(store.db, { edition: 'en', section: 'europe', date: '20180427', slug: 'test-story' })).toBeUndefined();
  });
});

describe('what an article URL answers', () => {
  const locate = (overrides: Partial<{ section: string; date: string; slug: string }> = {}) =>
    resolveArticleUrl(store.db, { edition: 'en', section: 'europe', date: '20180427', slug: 'test-story', ...overrides });

  it('is the story itself at its own address', async () => {
    await writeContent(store.db, { sections: [], articles: [article()] });
    expect(await locate()).toEqual({ kind: 'found', id: 'test-story' });
  });

  it('is a move to the current address for a previous slug, another section or a wrong date', async () => {
    await writeContent(store.db, { sections: [], articles: [article({ previousSlugs: ['old-name'] })] });
    const moved = { kind: 'moved', path: '/en/europe/20180427-test-story' };
    expect(await locate({ slug: 'old-name' })).toEqual(moved);
    expect(await locate({ slug: 'old-name', section: 'africa', date: '20000101' })).toEqual(moved);
    expect(await locate({ section: 'africa' })).toEqual(moved);
    expect(await locate({ date: '20180428' })).toEqual(moved);
  });

  it('is gone for a withdrawn story, at its own or a previous address', async () => {
    await writeContent(store.db, { sections: [], articles: [article({ status: 'withdrawn', previousSlugs: ['old-name'] })] });
    expect(await locate()).toEqual({ kind: 'gone' });
    expect(await locate({ slug: 'old-name' })).toEqual({ kind: 'gone' });
  });

  it('is missing when no story ever had that slug', async () => {
    expect(await locate({ slug: 'never-was' })).toEqual({ kind: 'missing' });
  });
});

describe('latest stories, page by page', () => {
  it('returns every story exactly once, newest first, across pages', async () => {
    const all = stories(23);
    await writeContent(store.db, { sections: [], articles: all });
    const seen: string[] = [];
    let after: ListCursor | null = null;
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
      articles: [...stories(2, 'europe'), ...stories(3, 'africa'), article({ id: 'gone-one', slug: 'gone-one', status: 'withdrawn' })],
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

describe('page numbers over keyset lists', () => {
  it('start each page right after the last story of the page before, and stop at the end', async () => {
    const all = stories(7);
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

describe('page starts found through monthly counts', () => {
  async function expectEveryPageStart(step: string) {
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
    expect(await getTagName(store.db, 'en', 'islamic-state-group')).toBe('Islamic State group');
    expect(await getAuthorName(store.db, 'en', 'tom-hartley')).toBe('Tom Hartley');
    expect(await getAuthorName(store.db, 'en', 'nobody')).toBeUndefined();
  });
});

describe('related stories', () => {
  it('are those sharing the most tags, topped up from the section, never the story itself', async () => {
    const subject = article({ id: 'subject', slug: 'subject', tags: ['Europol', 'Internet'], publishedAt: '2018-04-10T10:00:00Z' });
    await writeContent(store.db, {
      sections: [],
      articles: [
        subject,
        article({ id: 'both-tags', slug: 'both-tags', tags: ['Internet', 'Europol'], publishedAt: '2018-03-01T10:00:00Z' }),
        article({ id: 'one-tag', slug: 'one-tag', tags: ['Internet'], section: 'africa', publishedAt: '2018-04-05T10:00:00Z' }),
        article({ id: 'same-section', slug: 'same-section', tags: ['Rail'], publishedAt: '2018-04-09T10:00:00Z' }),
        article({ id: 'unrelated', slug: 'unrelated', tags: ['Rail'], section: 'africa', publishedAt: '2018-04-09T11:00:00Z' }),
      ],
    });
    const related = await listRelated(store.db, subject, 3);
    expect(related.map((r) => r.id)).toEqual(['both-tags', 'one-tag', 'same-section']);
  });
});

describe('search', () => {
  beforeEach(async () => {
    await writeContent(store.db, {
      sections: [],
      articles: [
        article({
          id: 'servers',
          slug: 'servers',
          headline: 'Police seize propaganda servers',
          standfirst: 'A raid across Europe.',
          publishedAt: '2018-04-27T10:00:00Z',
        }),
        article({
          id: 'trains',
          slug: 'trains',
          headline: 'Night trains return',
          standfirst: 'Sleeper services come back.',
          body: [{ type: 'paragraph', content: [{ type: 'text', text: 'Passengers avoid propaganda about flying.' }] }],
          publishedAt: '2018-04-28T10:00:00Z',
        }),
        article({ id: 'pulled', slug: 'pulled', headline: 'Propaganda story withdrawn', status: 'withdrawn' }),
      ],
    });
  });

  it('ranks a match in the headline above one in the body, and never finds a withdrawn story', async () => {
    const { hits, total } = await searchArticles(store.db, {
      edition: 'en',
      terms: { all: true, words: [{ word: 'propaganda', prefix: false }] },
      limit: 10,
      offset: 0,
    });
    expect(hits.map((h) => h.id)).toEqual(['servers', 'trains']);
    expect(total).toBe(2);
    expect(hits[0]?.markedHeadline).toBe(`Police seize ${highlightStart}propaganda${highlightEnd} servers`);
    expect(hits[1]?.markedSnippet).toContain(`${highlightStart}propaganda${highlightEnd}`);
  });

  it('matches other forms of a word', async () => {
    const { hits } = await searchArticles(store.db, { edition: 'en', terms: { all: true, words: [{ word: 'server', prefix: false }] }, limit: 10, offset: 0 });
    expect(hits.map((h) => h.id)).toEqual(['servers']);
  });

  it('folds accents, in the stories and in the words searched for', async () => {
    await writeContent(store.db, {
      sections: [],
      articles: [
        article({ id: 'liege', slug: 'liege', headline: 'Liège opens its new tram line', publishedAt: '2018-05-01T10:00:00Z' }),
        article({ id: 'cafe', slug: 'cafe', headline: 'Cafe owners in Dakar count the cost', publishedAt: '2018-05-02T10:00:00Z' }),
      ],
    });
    const search = async (word: string) =>
      (await searchArticles(store.db, { edition: 'en', terms: { all: true, words: [{ word, prefix: false }] }, limit: 10, offset: 0 })).hits.map((h) => h.id);
    expect(await search('liege')).toEqual(['liege']);
    expect(await search('liège')).toEqual(['liege']);
    expect(await search('café')).toEqual(['cafe']);
  });

  it('forgets a story once it is withdrawn', async () => {
    await writeContent(store.db, {
      sections: [],
      articles: [article({ id: 'servers', slug: 'servers', headline: 'Police seize propaganda servers', status: 'withdrawn' })],
    });
    const { hits } = await searchArticles(store.db, { edition: 'en', terms: { all: true, words: [{ word: 'seize', prefix: false }] }, limit: 10, offset: 0 });
    expect(hits).toEqual([]);
  });
});

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
    expect(stored?.updates).toEqual([]);
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

  it('share one setting between every caller, whoever created it first', async () => {
    const first = await getOrCreateSetting(store.db, 'cursor_secret', () => 'one');
    const second = await getOrCreateSetting(store.db, 'cursor_secret', () => 'two');
    expect([first, second]).toEqual(['one', 'one']);
  });
});

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
    const batch = stories(30).map((s, i) => ({ ...s, publishedAt: new Date(Date.UTC(2018, i % 3, 1 + Math.floor(i / 3))).toISOString() }));
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
