import type { Kysely } from 'kysely';
import { getListName, listStories } from '../store/lists';
import { sectionExists } from '../store/sections';
import type { Database } from '../store/schema';
import { listFilter, listKey, toListItem, type ArticleListQuery, type ArticleListResponse } from '../domain/api-contract';
import { decodeCursor, encodeCursor } from '../domain/cursor';
import { cursorSecret } from '../data/cursor-secret';
import type { ApiIssue } from './responses';

export type ListResult = { ok: true; body: ArticleListResponse } | { ok: false; status: 400 | 404; message: string; issues: ApiIssue[] };

/**
 * One page of a list, newest first, with the signed cursor of the next. Shared by the API
 * route and by the server components that prefetch the same data for the islands, so the two
 * can never disagree on its shape.
 */
export async function listArticles(db: Kysely<Database>, query: ArticleListQuery): Promise<ListResult> {
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
