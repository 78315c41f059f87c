import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { article, openTestStore, testSections } from '../testing/fixtures';
import {
  ContentConflictError,
  countArticles,
  getArticleByLocator,
  listLatest,
  listSections,
  resolveArticleUrl,
  sectionExists,
  writeContent,
  type ListCursor,
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
      const page = await listLatest(store.db, { edition: 'en', section: 'europe', limit: 5, after });
      seen.push(...page.items.map((item) => item.id));
      after = page.next;
      pages += 1;
    } while (after && pages < 10);
    expect(pages).toBe(5);
    expect(seen).toEqual(all.map((a) => a.id).reverse());
  });

  it('breaks ties between stories published at the same second by id', async () => {
    const sameTime = ['b', 'a', 'c'].map((letter) =>
      article({ id: `tie-${letter}`, slug: `tie-${letter}`, publishedAt: '2018-04-27T12:00:00Z' }),
    );
    await writeContent(store.db, { sections: [], articles: sameTime });
    const first = await listLatest(store.db, { edition: 'en', limit: 2 });
    const second = await listLatest(store.db, { edition: 'en', limit: 2, after: first.next });
    expect([...first.items, ...second.items].map((i) => i.id)).toEqual(['tie-c', 'tie-b', 'tie-a']);
    expect(second.next).toBeNull();
  });

  it('lists a section only with its own published stories', async () => {
    await writeContent(store.db, {
      sections: [],
      articles: [...stories(2, 'europe'), ...stories(3, 'africa'), article({ id: 'gone-one', slug: 'gone-one', status: 'withdrawn' })],
    });
    const africa = await listLatest(store.db, { edition: 'en', section: 'africa', limit: 10 });
    expect(africa.items.map((i) => i.section)).toEqual(['africa', 'africa', 'africa']);
    const everything = await listLatest(store.db, { edition: 'en', limit: 10 });
    expect(everything.items.map((i) => i.id)).not.toContain('gone-one');
    expect(everything.items[0]).toMatchObject({ path: expect.stringMatching(/^\/en\/(europe|africa)\/\d{8}-/), image: expect.objectContaining({ width: 1600 }) });
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
