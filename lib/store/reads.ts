import 'server-only';
import { cache } from 'react';
import type { ArticleLocator } from '../article-path';
import type { EditionId } from '../editions';
import { listKey } from '../api/article-list';
import { encodeCursor } from '../api/cursor';
import { cursorSecret } from '../api/cursor-secret';
import { readSearchQuery } from '../search/search-query';
import { rankSuggestions, suggestionMatch, wordsOfPath } from '../search/suggestions';
import { storiesPerPage } from '../site-config';
import * as repository from './article-repository';
import { getStore } from './database';

/**
 * What pages read, wrapped in React's per-request `cache`: the layout, the page and
 * generateMetadata may all ask for the same story or the same sections, and one request
 * still runs each query once. Arguments are plain values so that the cache can key on them.
 */

export const getArticle = cache(async (edition: EditionId, section: string, date: string, slug: string) => {
  const { db } = await getStore();
  const locator: ArticleLocator = { edition, section, date, slug };
  return repository.getArticleByLocator(db, locator);
});

export const getSections = cache(async (edition: EditionId) => {
  const { db } = await getStore();
  return repository.listSections(db, edition);
});

export const getSection = cache(async (edition: EditionId, slug: string) => {
  const sections = await getSections(edition);
  return sections.find((s) => s.slug === slug);
});

export const getLatest = cache(async (edition: EditionId, limit: number, section?: string) => {
  const { db } = await getStore();
  return repository.listStories(db, { edition, filter: section ? { kind: 'section', slug: section } : { kind: 'edition' }, limit });
});

export type StoriesPage = {
  items: repository.ArticleSummary[];
  page: number;
  pageSize: number;
  hasOlder: boolean;
  /** The signed API cursor of the stories after this page, for "Load more"; null on the last page. */
  olderCursor: string | null;
};

/** Page `page` of a section, tag or author list; undefined past its end. */
export const getStoriesPage = cache(
  async (edition: EditionId, kind: 'section' | 'tag' | 'author', slug: string, page: number): Promise<StoriesPage | undefined> => {
    const { db } = await getStore();
    const filter = { kind, slug };
    const pageSize = storiesPerPage();
    const after = await repository.findPageStart(db, { edition, filter, page, pageSize });
    if (after === undefined) return undefined;
    const list = await repository.listStories(db, { edition, filter, limit: pageSize, after });
    const last = list.items.at(-1);
    const olderCursor =
      list.next && last ? encodeCursor(listKey(edition, filter), { publishedTs: Date.parse(last.publishedAt), id: last.id }, await cursorSecret(db)) : null;
    return { items: list.items, page, pageSize, hasOlder: list.next !== null, olderCursor };
  },
);

export const getTagName = cache(async (edition: EditionId, slug: string) => {
  const { db } = await getStore();
  return repository.getTagName(db, edition, slug);
});

export const getAuthorName = cache(async (edition: EditionId, slug: string) => {
  const { db } = await getStore();
  return repository.getAuthorName(db, edition, slug);
});

export const getRelated = cache(async (edition: EditionId, section: string, date: string, slug: string, limit: number) => {
  const article = await getArticle(edition, section, date, slug);
  if (!article) return [];
  const { db } = await getStore();
  return repository.listRelated(db, article, limit);
});

export type SearchPage = { text: string; hits: repository.SearchHit[]; total: number; page: number; pageSize: number };

/** Search results for what the reader typed; no query at all when there is nothing to search for. */
export const searchStories = cache(async (edition: EditionId, rawQuery: string, page: number): Promise<SearchPage> => {
  const { text, match } = readSearchQuery(rawQuery);
  const pageSize = storiesPerPage();
  if (!match) return { text, hits: [], total: 0, page: 1, pageSize };
  const { db } = await getStore();
  const result = await repository.searchArticles(db, { edition, match, limit: pageSize, offset: (page - 1) * pageSize });
  return { text, ...result, page, pageSize };
});

/** Up to five stories whose slug or headline is closest to the address the reader asked for. */
export const getSuggestions = cache(async (edition: EditionId, requestedPath: string) => {
  const match = suggestionMatch(wordsOfPath(requestedPath));
  if (!match) return [];
  const { db } = await getStore();
  const { hits } = await repository.searchArticles(db, { edition, match, limit: 30, offset: 0 });
  return rankSuggestions(requestedPath, hits);
});

export const getLiveUpdates = cache(async (articleId: string, limit: number) => {
  const { db } = await getStore();
  return repository.listLiveUpdates(db, { articleId, limit });
});
