import { contentTags } from '../domain/content-tags';
import type { EditionId } from '../domain/editions';
import type { StoredBreakingNews, StoredFront } from '../domain/fronts';
import type { ArticleSummary, StoredStatus } from '../domain/stories';
import { recordCacheInvalidations } from './cache-events';
import { summaryColumns, toSummary, type Db } from './rows';

/**
 * What editors set beyond stories (decision 019): the lead and top stories of a front ('' is
 * the edition's home) and an edition's breaking-news banner. Each write records the one cache
 * tag it changes, in its own transaction, so every instance shows it on its next request. A
 * choice past its `until` is read as absent; the scheduler removes it at that time
 * (lib/store/timed-changes.ts), which makes the pages that showed it fresh.
 */

const homeSection = '';

export async function readFront(db: Db, edition: EditionId, section: string | undefined, now = Date.now()): Promise<StoredFront | undefined> {
  const row = await db
    .selectFrom('fronts')
    .select(['lead_id', 'top_ids', 'until_ts', 'set_ts'])
    .where('edition', '=', edition)
    .where('section', '=', section ?? homeSection)
    .executeTakeFirst();
  if (!row || (row.until_ts !== null && Number(row.until_ts) <= now)) return undefined;
  return {
    lead: row.lead_id,
    top: JSON.parse(row.top_ids) as string[],
    untilTs: row.until_ts === null ? null : Number(row.until_ts),
    setTs: Number(row.set_ts),
  };
}

export async function saveFront(db: Db, edition: EditionId, section: string | undefined, front: Omit<StoredFront, 'setTs'>): Promise<void> {
  const row = { lead_id: front.lead, top_ids: JSON.stringify(front.top), until_ts: front.untilTs, set_ts: Date.now() };
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('fronts')
      .values({ edition, section: section ?? homeSection, ...row })
      .onConflict((oc) => oc.columns(['edition', 'section']).doUpdateSet(row))
      .execute();
    await recordCacheInvalidations(trx, [contentTags.front(edition, section)]);
  });
}

/** Returns the front to recency; false when editors had set nothing. */
export async function clearFront(db: Db, edition: EditionId, section: string | undefined): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const deleted = await trx
      .deleteFrom('fronts')
      .where('edition', '=', edition)
      .where('section', '=', section ?? homeSection)
      .executeTakeFirst();
    if (Number(deleted.numDeletedRows) === 0) return false;
    await recordCacheInvalidations(trx, [contentTags.front(edition, section)]);
    return true;
  });
}

/** Where each of these stories stands (those that exist): what an editor may place on a front. */
export async function storyStandings(db: Db, ids: string[]): Promise<Map<string, { edition: EditionId; section: string; status: StoredStatus }>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('articles').select(['id', 'edition', 'section', 'status']).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, { edition: row.edition as EditionId, section: row.section, status: row.status }]));
}

/** The published stories of an edition among these ids, in no particular order: a story withdrawn or unpublished since it was placed drops out. */
export async function publishedStoriesAmong(db: Db, edition: EditionId, ids: string[]): Promise<ArticleSummary[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('articles')
    .select(summaryColumns)
    .where('id', 'in', ids)
    .where('edition', '=', edition)
    .where('status', '=', 'published')
    .execute();
  return rows.map(toSummary);
}

export async function readBreakingNews(db: Db, edition: EditionId, now = Date.now()): Promise<StoredBreakingNews | undefined> {
  const row = await db.selectFrom('breaking_news').select(['text', 'story_id', 'until_ts', 'set_ts']).where('edition', '=', edition).executeTakeFirst();
  if (!row || (row.until_ts !== null && Number(row.until_ts) <= now)) return undefined;
  return { text: row.text, storyId: row.story_id, untilTs: row.until_ts === null ? null : Number(row.until_ts), setTs: Number(row.set_ts) };
}

export async function saveBreakingNews(db: Db, edition: EditionId, news: Omit<StoredBreakingNews, 'setTs'>): Promise<void> {
  const row = { text: news.text, story_id: news.storyId, until_ts: news.untilTs, set_ts: Date.now() };
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('breaking_news')
      .values({ edition, ...row })
      .onConflict((oc) => oc.column('edition').doUpdateSet(row))
      .execute();
    await recordCacheInvalidations(trx, [contentTags.breaking(edition)]);
  });
}

/** Takes the banner down; false when there was none. */
export async function clearBreakingNews(db: Db, edition: EditionId): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const deleted = await trx.deleteFrom('breaking_news').where('edition', '=', edition).executeTakeFirst();
    if (Number(deleted.numDeletedRows) === 0) return false;
    await recordCacheInvalidations(trx, [contentTags.breaking(edition)]);
    return true;
  });
}
