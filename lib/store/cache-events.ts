import { sql } from 'kysely';
import type { StoryPlacement } from '../domain/content-tags';
import { changeChannelPrefix } from './change-feed';
import { dialectOf } from './dialect';
import type { EditionId } from '../domain/editions';
import type { Db } from './rows';

/**
 * The cache-event log: every write records the content tags it made stale, in its own
 * transaction; every server reads the log and forgets what it names (decision 008).
 */

/** Where a stored story appears: what decides which cached pages show it. */
export async function placementOf(trx: Db, id: string): Promise<StoryPlacement | undefined> {
  const row = await trx
    .selectFrom('articles')
    .select(['id', 'edition', 'section', 'slug', 'status', 'published_ts', 'translation_group'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const [previous, tags, authors] = await Promise.all([
    trx.selectFrom('article_previous_slugs').select('slug').where('article_id', '=', id).execute(),
    trx.selectFrom('article_tags').select('tag_name').where('article_id', '=', id).execute(),
    trx.selectFrom('article_authors').select('author_slug').where('article_id', '=', id).execute(),
  ]);
  return {
    id: row.id,
    edition: row.edition as EditionId,
    section: row.section,
    slugs: [row.slug, ...previous.map((p) => p.slug)],
    tags: tags.map((t) => t.tag_name),
    authors: authors.map((a) => a.author_slug),
    status: row.status,
    publishedTs: Number(row.published_ts),
    translationGroup: row.translation_group,
  };
}

/** Cache events older than this are pruned: no cached entry lives that long. */
const cacheEventRetentionMs = 7 * 24 * 60 * 60 * 1000;

export async function recordCacheInvalidations(trx: Db, tags: string[]): Promise<void> {
  if (tags.length === 0) return;
  // On PostgreSQL, sequence numbers are handed out in one order and committed in another: two
  // writers at once could make event 11 visible before event 10, and a reader that moved on to
  // 11 would never see 10. One writer of events at a time, until its commit, keeps the two orders
  // the same; the page caches and the edge purges read the log in that order (decision 024).
  if (dialectOf(trx) === 'postgres') await sql`select pg_advisory_xact_lock(hashtext(${changeChannelPrefix} || current_schema()))`.execute(trx);
  const now = Date.now();
  await trx
    .insertInto('cache_tag_events')
    .values(tags.map((tag) => ({ tag, created_ts: now })))
    .execute();
  // Every instance listening learns of it as the transaction commits (lib/store/change-feed.ts).
  if (dialectOf(trx) === 'postgres') await sql`select pg_notify(${changeChannelPrefix} || current_schema(), '')`.execute(trx);
  await trx
    .deleteFrom('cache_tag_events')
    .where('created_ts', '<', now - cacheEventRetentionMs)
    .execute();
}

/** The number of the newest invalidation: a server starting with an empty cache starts reading after it. */
export async function latestCacheTagSeq(db: Db): Promise<number> {
  const row = await db
    .selectFrom('cache_tag_events')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .executeTakeFirst();
  return Number(row?.seq ?? 0);
}

/** Invalidations recorded after `afterSeq`, oldest first: what a server's cache must forget. */
export async function listCacheTagEvents(db: Db, afterSeq: number): Promise<{ seq: number; tag: string; createdTs: number }[]> {
  const rows = await db.selectFrom('cache_tag_events').select(['seq', 'tag', 'created_ts']).where('seq', '>', afterSeq).orderBy('seq').execute();
  return rows.map((r) => ({ seq: Number(r.seq), tag: r.tag, createdTs: Number(r.created_ts) }));
}
