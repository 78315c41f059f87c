import 'server-only';
import { cache } from 'react';
import { listKey, toListItem, type ArticleListResponse } from '../domain/api-contract';
import { encodeCursor } from '../domain/cursor';
import { cursorSecret } from './shared-secrets';
import { parseListPageStart, type ArticleLocator } from '../domain/urls';
import { cachedRead } from '../cache/cached-read';
import { contentTags } from '../domain/content-tags';
import type { EditionId } from '../domain/editions';
import type { ArticleSummary, CarriedListKind, ListKind, SearchHit } from '../domain/stories';
import { readSearchQuery } from '../domain/search-query';
import { rankSuggestions, suggestionTerms, wordsOfPath } from '../domain/suggestions';
import { storiesPerPage } from '../domain/site-config';
import { slugify } from '../domain/slug';
import { getArticleByLocator, listTranslations } from '../store/articles';
import { getListName as storedListName, listStories } from '../store/lists';
import { listLiveUpdates } from '../store/live-updates';
import { listRelated } from '../store/related';
import { searchArticles } from '../store/search';
import { listSectionCounterparts, listSections } from '../store/sections';
import { editionIds } from '../domain/editions';
import { getStore } from '../store/database';
import { publishedStoriesAmong, readBreakingNews, readFront } from '../store/fronts';
import { arrangeFront, frontSlots } from '../domain/fronts';
import { getLiveUntilTs, listStoryAuthors } from '../store/articles';
import { feedEnclosures } from './media';
import { feedSize, type FeedStory } from '../domain/stories';

/**
 * What pages read. Two layers:
 * - React's per-request `cache`: the layout, the page and generateMetadata may ask for the same
 *   thing, and one request still runs each read once;
 * - Next's data cache (`unstable_cache`), tagged with what each read depends on
 *   (lib/domain/content-tags.ts), so that a page re-rendered after a publish reads from the store
 *   only what changed. Writes invalidate the tags in their own transaction.
 * Arguments are plain values: both caches key on them.
 */

export const getArticle = cache((edition: EditionId, section: string, date: string, slug: string) =>
  cachedRead(['article', edition, section, date, slug], [contentTags.storySlug(edition, slug)], async () => {
    const { db } = await getStore();
    const locator: ArticleLocator = { edition, section, date, slug };
    return (await getArticleByLocator(db, locator)) ?? null;
  }),
);

export const getSections = cache((edition: EditionId) =>
  cachedRead(['sections', edition], [contentTags.sections(edition)], async () => {
    const { db } = await getStore();
    return listSections(db, edition);
  }),
);

/** The published stories of a translation group (the story itself included). */
export const getTranslations = cache((group: string) =>
  cachedRead(['translations', group], [contentTags.translations(group)], async () => {
    const { db } = await getStore();
    return listTranslations(db, group);
  }),
);

/** A section's counterparts in every edition (itself included). */
export const getSectionCounterparts = cache((group: string) =>
  cachedRead(
    ['section-counterparts', group],
    editionIds.map((edition) => contentTags.sections(edition)),
    async () => {
      const { db } = await getStore();
      return listSectionCounterparts(db, group);
    },
  ),
);

export const getSection = cache(async (edition: EditionId, slug: string) => {
  const sections = await getSections(edition);
  return sections.find((s) => s.slug === slug);
});

export const getLatest = cache((edition: EditionId, limit: number, section?: string) =>
  cachedRead(['latest', edition, limit, section ?? ''], [section ? contentTags.section(edition, section) : contentTags.latest(edition)], async () => {
    const { db } = await getStore();
    return listStories(db, { edition, filter: section ? { kind: 'section', slug: section } : { kind: 'edition' }, limit });
  }),
);

/** The first page of the API's edition-wide list, as the latest rail shows it. */
export const getLatestItems = cache((edition: EditionId, limit: number) =>
  cachedRead(['latest-items', edition, limit], [contentTags.latest(edition)], async (): Promise<ArticleListResponse> => {
    const { db } = await getStore();
    const page = await listStories(db, { edition, limit });
    const last = page.items.at(-1);
    return {
      items: page.items.map(toListItem),
      nextCursor: page.next && last ? encodeCursor(listKey(edition, { kind: 'edition' }), page.next, await cursorSecret(db)) : null,
    };
  }),
);

const listTag = (edition: EditionId, kind: ListKind, slug: string) =>
  kind === 'section' ? contentTags.section(edition, slug) : kind === 'tag' ? contentTags.tag(edition, slug) : contentTags.author(edition, slug);

export type StoriesPage = {
  items: ArticleSummary[];
  page: number;
  pageSize: number;
  hasOlder: boolean;
  /** The signed API cursor of the stories after this page, for "Load more"; null on the last page. */
  olderCursor: string | null;
};

/**
 * Page `page` of a section, tag or author list, starting where the proxy found it to begin
 * (`start`, the path segment of lib/domain/urls.ts); null when nothing follows.
 * Plain arguments: React's cache() tells calls apart by identity.
 */
export const getStoriesPage = cache((edition: EditionId, kind: ListKind, slug: string, page: number, startSegment: string) =>
  cachedRead(
    ['stories-page', edition, kind, slug, page, startSegment, storiesPerPage()],
    [listTag(edition, kind, slug)],
    async (): Promise<StoriesPage | null> => {
      const start = parseListPageStart(startSegment);
      if (start === undefined) return null;
      const { db } = await getStore();
      const filter = { kind, slug };
      const pageSize = storiesPerPage();
      const list = await listStories(db, { edition, filter, limit: pageSize, after: start });
      if (list.items.length === 0 && page > 1) return null;
      const last = list.items.at(-1);
      const olderCursor =
        list.next && last ? encodeCursor(listKey(edition, filter), { publishedTs: Date.parse(last.publishedAt), id: last.id }, await cursorSecret(db)) : null;
      return { items: list.items, page, pageSize, hasOlder: list.next !== null, olderCursor };
    },
  ),
);

/** The display name of a tag or an author; null when no published story carries it. */
export const getListName = cache((edition: EditionId, kind: CarriedListKind, slug: string) =>
  cachedRead(['list-name', edition, kind, slug], [listTag(edition, kind, slug)], async () => {
    const { db } = await getStore();
    return (await storedListName(db, edition, kind, slug)) ?? null;
  }),
);

/** Related stories depend on the lists of the story's section and tags. */
export const getRelated = cache(async (edition: EditionId, section: string, date: string, slug: string, limit: number) => {
  const article = await getArticle(edition, section, date, slug);
  if (!article) return [];
  const tags = [contentTags.section(edition, article.section), ...article.tags.map((t) => contentTags.tag(edition, slugify(t)))];
  return cachedRead(['related', article.id, limit], tags, async () => {
    const { db } = await getStore();
    return listRelated(db, article, limit);
  });
});

export const getLiveUpdates = cache((articleId: string, limit: number) =>
  cachedRead(['live-updates', articleId, limit], [contentTags.story(articleId)], async () => {
    const { db } = await getStore();
    return listLiveUpdates(db, { articleId, limit });
  }),
);

/** `more`: more stories match than the `total` ranked (decision 017). */
export type SearchPage = { text: string; hits: SearchHit[]; total: number; more: boolean; page: number; pageSize: number };

/** Search results for what the reader typed. Not cached: every query is different. */
export const searchStories = cache(async (edition: EditionId, rawQuery: string, page: number): Promise<SearchPage> => {
  const { text, terms } = readSearchQuery(rawQuery);
  const pageSize = storiesPerPage();
  if (!terms) return { text, hits: [], total: 0, more: false, page: 1, pageSize };
  const { db } = await getStore();
  const result = await searchArticles(db, { edition, terms, limit: pageSize, offset: (page - 1) * pageSize });
  return { text, ...result, page, pageSize };
});

/** Up to five stories whose slug or headline is closest to the address the reader asked for. */
export const getSuggestions = cache(async (edition: EditionId, requestedPath: string) => {
  const terms = suggestionTerms(wordsOfPath(requestedPath));
  if (!terms) return [];
  const { db } = await getStore();
  const { hits } = await searchArticles(db, { edition, terms, limit: 30, offset: 0, snippets: false });
  return rankSuggestions(requestedPath, hits);
});

/** What editors chose to lead a front (the edition's home, or a section's), or null: recency. */
const getEditorsFront = cache((edition: EditionId, section: string | null) =>
  cachedRead(['front', edition, section ?? ''], [contentTags.front(edition, section ?? undefined)], async () => {
    const { db } = await getStore();
    return (await readFront(db, edition, section ?? undefined)) ?? null;
  }),
);

/**
 * A front's opening (decision 019): the lead and top stories editors chose where they are still
 * published, recency for the rest, each story once. `latest` is the front's own list, newest
 * first. Cached with the choice and with each chosen story, so a chosen story that is
 * withdrawn or unpublished drops out at once.
 */
export async function getFrontOpening(edition: EditionId, section: string | null, latest: ArticleSummary[]) {
  const choice = await getEditorsFront(edition, section);
  const ids = choice ? [choice.lead, ...choice.top].filter((id): id is string => id !== null) : [];
  const chosen = ids.length
    ? await cachedRead(['front-stories', edition, ...ids], [contentTags.front(edition, section ?? undefined), ...ids.map(contentTags.story)], async () => {
        const { db } = await getStore();
        return publishedStoriesAmong(db, edition, ids);
      })
    : [];
  return arrangeFront(choice, chosen, latest, Math.max(section ? frontSlots.section : frontSlots.home, choice?.top.length ?? 0));
}

/** The edition's breaking-news banner and the address of its story (null when it names none, or its story is no longer published); null when there is none. */
export const getBreakingNews = cache(async (edition: EditionId) => {
  const news = await cachedRead(['breaking', edition], [contentTags.breaking(edition)], async () => {
    const { db } = await getStore();
    return (await readBreakingNews(db, edition)) ?? null;
  });
  if (!news?.storyId) return news ? { text: news.text, path: null } : null;
  const storyId = news.storyId;
  const [story] = await cachedRead(['breaking-story', edition, storyId], [contentTags.breaking(edition), contentTags.story(storyId)], async () => {
    const { db } = await getStore();
    return publishedStoriesAmong(db, edition, [storyId]);
  });
  // A banner about a story that has since been withdrawn comes down with it.
  return story ? { text: news.text, path: story.path } : null;
});

/** Until when a live story is live (null: its updates have stopped, or it is not live). */
export const getLiveUntil = cache((articleId: string) =>
  cachedRead(['live-until', articleId], [contentTags.story(articleId)], async () => {
    const { db } = await getStore();
    return (await getLiveUntilTs(db, articleId)) ?? null;
  }),
);

/** The stories of an edition's or a section's feed, newest first, with their bylines and their pictures as enclosures. */
export const getFeedStories = cache((edition: EditionId, section: string | null) =>
  cachedRead(
    ['feed-stories', edition, section ?? ''],
    [section ? contentTags.section(edition, section) : contentTags.latest(edition)],
    async (): Promise<FeedStory[]> => {
      const { db } = await getStore();
      const { items } = await listStories(db, { edition, filter: section ? { kind: 'section', slug: section } : { kind: 'edition' }, limit: feedSize });
      const [authors, enclosures] = await Promise.all([
        listStoryAuthors(
          db,
          items.map((story) => story.id),
        ),
        feedEnclosures(
          db,
          items.map((story) => story.image.src),
        ),
      ]);
      return items.map((story) => ({ ...story, authors: authors.get(story.id) ?? [], enclosure: enclosures.get(story.image.src) ?? null }));
    },
  ),
);
