import { describe, expect, it } from 'vitest';
import { article, storePerTest } from '../testing/fixtures';
import { getArticleByLocator, resolveArticleUrl } from './articles';
import { writeContent } from './write-content';

const store = storePerTest();

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
