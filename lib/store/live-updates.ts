import type { LiveUpdate } from '../domain/article-schema';
import { contentTags, tagsAffectedByStory } from '../domain/content-tags';
import { liveUntilTs, type ListPosition, type LiveUpdateEntry } from '../domain/stories';
import { placementOf, recordCacheInvalidations } from './cache-events';
import { beyondKey } from './keys';
import { refreshSitemapMonths } from './monthly-counts';
import { isLiveAt, readArticleDocument, readBlocks, type Db } from './rows';
import { ContentConflictError } from './store-errors';

/** The updates of live stories, kept apart from the story's document. */

/** The newest update time among those stored and those arriving; 0 when there are none. */
export async function latestLiveUpdateTs(trx: Db, articleId: string, incoming: LiveUpdate[]): Promise<number> {
  const stored = await trx
    .selectFrom('live_updates')
    .select((eb) => eb.fn.max('published_ts').as('latest'))
    .where('article_id', '=', articleId)
    .executeTakeFirst();
  return Math.max(Number(stored?.latest ?? 0), ...incoming.map((u) => Date.parse(u.publishedAt)));
}

/** Adds an update, or corrects it when one with that id exists. Updates are never deleted by an import. */
export async function saveLiveUpdate(trx: Db, articleId: string, update: LiveUpdate): Promise<void> {
  const row = {
    published_at: update.publishedAt,
    published_ts: Date.parse(update.publishedAt),
    title: update.title ?? null,
    blocks: JSON.stringify(update.body),
    stored_ts: Date.now(),
  };
  await trx
    .insertInto('live_updates')
    .values({ article_id: articleId, id: update.id, ...row })
    .onConflict((oc) => oc.columns(['article_id', 'id']).doUpdateSet(row))
    .execute();
}

/**
 * Adds updates to a live story, in one transaction, and moves the story's modification time and
 * the end of its live window. Refuses a story that does not exist or is not live. An update that
 * makes a quiet story live again changes every list it is in (their live badge).
 */
export async function addLiveUpdates(db: Db, articleId: string, updates: LiveUpdate[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const article = await trx
      .selectFrom('articles')
      .select(['live', 'modified_ts', 'live_until_ts', 'status', 'document'])
      .where('id', '=', articleId)
      .executeTakeFirst();
    if (!article) throw new ContentConflictError(articleId, `no article "${articleId}"`);
    if (!article.live) throw new ContentConflictError(articleId, `article "${articleId}" is not a live story`);
    for (const update of updates) await saveLiveUpdate(trx, articleId, update);
    const latest = await latestLiveUpdateTs(trx, articleId, []);
    const liveUntil = liveUntilTs(readArticleDocument(article.document), article.status === 'published', latest);
    const placement = await placementOf(trx, articleId);
    if (placement) {
      const relisted = isLiveAt(liveUntil) !== isLiveAt(article.live_until_ts);
      await recordCacheInvalidations(
        trx,
        relisted ? tagsAffectedByStory(placement, placement, true) : [contentTags.story(articleId), contentTags.sitemaps(placement.edition)],
      );
    }
    // The story's modification time moves: its month's lastmod too (after the update below).
    const refreshMonth = placement ? () => refreshSitemapMonths(trx, placement.edition, [placement.publishedTs]) : async () => {};
    await trx
      .updateTable('articles')
      .set({ modified_ts: Math.max(Number(article.modified_ts), latest), live_until_ts: liveUntil })
      .where('id', '=', articleId)
      .execute();
    await refreshMonth();
  });
}

/** A live story's updates, newest first; with `after`, only those newer than that update. */
export async function listLiveUpdates(db: Db, query: { articleId: string; limit: number; newerThan?: ListPosition }): Promise<LiveUpdateEntry[]> {
  let select = db
    .selectFrom('live_updates')
    .select(['article_id', 'id', 'published_at', 'published_ts', 'title', 'blocks'])
    .where('article_id', '=', query.articleId);
  if (query.newerThan) {
    select = select.where(beyondKey('published_ts', 'id', query.newerThan, 'newer'));
  }
  const rows = await select.orderBy('published_ts', 'desc').orderBy('id', 'desc').limit(query.limit).execute();
  return rows.map((row) => ({
    articleId: row.article_id,
    id: row.id,
    publishedAt: row.published_at,
    ...(row.title ? { title: row.title } : {}),
    body: readBlocks(row.blocks),
  }));
}

export async function getLiveUpdateKey(db: Db, articleId: string, updateId: string): Promise<ListPosition | undefined> {
  const row = await db
    .selectFrom('live_updates')
    .select(['published_ts', 'id'])
    .where('article_id', '=', articleId)
    .where('id', '=', updateId)
    .executeTakeFirst();
  return row ? { publishedTs: Number(row.published_ts), id: row.id } : undefined;
}
