import { getArticleById, getArticleState } from '../store/articles';
import { getListName, listStories } from '../store/lists';
import { getLiveUpdateKey, listLiveUpdates } from '../store/live-updates';
import { sectionExists } from '../store/sections';
import type { Db } from '../store/database';
import { listFilter, listKey, toListItem, type ArticleListQuery, type ArticleListResponse } from '../domain/api-contract';
import { decodeCursor, encodeCursor } from '../domain/cursor';
import { cursorSecret } from '../data/shared-secrets';
import { toUpdateItem, type LiveUpdatesQuery } from '../domain/live-updates-contract';
import { articlePath } from '../domain/urls';
import { apiError, jsonResponse, listCacheControl, type ApiIssue } from './responses';
import { noteContentTags } from '../cache/response-tags';
import { contentTags } from '../domain/content-tags';

/** The API's reads: a list of stories, one story, a live story's updates. */

export type ListResult = { ok: true; body: ArticleListResponse } | { ok: false; status: 400 | 404; message: string; issues: ApiIssue[] };

/**
 * One page of a list, newest first, with the signed cursor of the next. Shared by the API
 * route and by the server components that prefetch the same data for the islands, so the two
 * can never disagree on its shape.
 */
export async function listArticles(db: Db, query: ArticleListQuery): Promise<ListResult> {
  const filter = listFilter(query);
  if (filter.kind !== 'edition') {
    const exists =
      filter.kind === 'section'
        ? await sectionExists(db, query.edition, filter.slug)
        : (await getListName(db, query.edition, filter.kind, filter.slug)) !== undefined;
    if (!exists) {
      return {
        ok: false,
        status: 404,
        message: `No ${filter.kind} "${filter.slug}" in edition "${query.edition}"`,
        issues: [{ parameter: filter.kind, message: `no ${filter.kind} "${filter.slug}" in edition "${query.edition}"` }],
      };
    }
  }
  // What an edge purges this answer by (lib/cache/response-tags.ts). The edition's whole list
  // changes with any story of the edition (its sitemaps' tag): a later page of it is not among the latest.
  noteContentTags(
    filter.kind === 'edition'
      ? [contentTags.latest(query.edition), contentTags.sitemaps(query.edition)]
      : [filter.kind === 'section' ? contentTags.section(query.edition, filter.slug) : contentTags[filter.kind](query.edition, filter.slug)],
  );
  const key = listKey(query.edition, filter);
  const secret = await cursorSecret(db);
  let after = null;
  if (query.cursor !== undefined) {
    after = decodeCursor(query.cursor, key, secret);
    if (!after) {
      return { ok: false, status: 400, message: 'Invalid query', issues: [{ parameter: 'cursor', message: 'is not a cursor this list gave out' }] };
    }
  }
  const page = await listStories(db, { edition: query.edition, filter, limit: query.limit, after });
  return {
    ok: true,
    body: { items: page.items.map(toListItem), nextCursor: page.next ? encodeCursor(key, page.next, secret) : null },
  };
}

const shortCache = { 'Cache-Control': 'public, max-age=0, s-maxage=30' };

/**
 * `GET /api/v1/articles/{id}`: a published story as the publishing API takes it (the import's
 * schema), with its `path`. 410 for a withdrawn story, 404 for any other id.
 */
export async function readArticle(db: Db, id: string): Promise<Response> {
  const missing = () => apiError(404, `No story "${id.slice(0, 100)}"`, [{ parameter: 'id', message: 'no such story' }], shortCache);
  noteContentTags([contentTags.story(id)]);
  const stored = await getArticleById(db, id);
  // Drafts and scheduled stories are not public: the same answer as no story at all.
  if (!stored || stored.status === 'draft' || stored.status === 'scheduled') return missing();
  const { article } = stored;
  if (stored.status !== 'published') return apiError(410, `Story "${id}" was withdrawn`, [{ parameter: 'id', message: 'withdrawn' }], shortCache);
  const { updates: _updates, ...story } = article;
  return jsonResponse({ ...story, path: articlePath(article) }, { headers: { 'Cache-Control': listCacheControl } });
}

/** `GET /api/v1/articles/{id}/updates`: a live story's updates, newest first; with `after`, only newer ones. */
export async function readLiveUpdates(db: Db, id: string, query: LiveUpdatesQuery): Promise<Response> {
  noteContentTags([contentTags.story(id)]);
  const state = await getArticleState(db, id);
  if (!state || state.status !== 'published' || !state.live) {
    return apiError(404, `No live story "${id.slice(0, 100)}"`, [{ parameter: 'id', message: 'no published live story with this id' }]);
  }
  let newerThan;
  if (query.after) {
    newerThan = await getLiveUpdateKey(db, id, query.after);
    if (!newerThan) return apiError(400, 'Invalid query', [{ parameter: 'after', message: `no update "${query.after}" in this story` }]);
  }
  const updates = await listLiveUpdates(db, { articleId: id, limit: query.limit, newerThan });
  return jsonResponse({ items: updates.map(toUpdateItem) }, { headers: { 'Cache-Control': 'public, max-age=0, s-maxage=10, stale-while-revalidate=60' } });
}
