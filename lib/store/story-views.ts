import { sql } from 'kysely';
import { contentTags } from '../domain/content-tags';
import type { EditionId } from '../domain/editions';
import type { ArticleSummary } from '../domain/stories';
import { recordCacheInvalidations } from './cache-events';
import { summaryColumns, toSummary, type Db } from './rows';

/**
 * Most read (issue 32, decision 027): views counted in batches, once per reader per story per
 * day, at most `perAddress` readers per address per story per day, only for published stories;
 * views per story per UTC hour; the edition's most read stories of a window.
 */

/** A view as a process collected it: the story, the reader and address as salted hashes, the day and hour it came in. */
export type CollectedView = { storyId: string; reader: string; address: string; day: string; hourTs: number };

/** How many readers one address may count for one story in a day: a household or an office, not a script. */
export const readersPerAddress = 5;

/**
 * Writes a batch of views in one transaction: each counted unless its reader was already
 * counted for that story that day (by any process), its address has counted `readersPerAddress`
 * already, or the story is not published. Returns how many were counted.
 */
export async function saveViews(db: Db, views: CollectedView[], perAddress = readersPerAddress): Promise<number> {
  if (views.length === 0) return 0;
  return db.transaction().execute(async (trx) => {
    const ids = [...new Set(views.map((v) => v.storyId))];
    const published = new Map<string, string>();
    for (let start = 0; start < ids.length; start += 500) {
      const rows = await trx
        .selectFrom('articles')
        .select(['id', 'edition'])
        .where('id', 'in', ids.slice(start, start + 500))
        .where('status', '=', 'published')
        .execute();
      for (const row of rows) published.set(row.id, row.edition);
    }
    const hours = new Map<string, { storyId: string; edition: string; hourTs: number; views: number }>();
    let counted = 0;
    for (const view of views) {
      const edition = published.get(view.storyId);
      if (!edition) continue;
      const fromAddress = await trx
        .selectFrom('story_view_readers')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('day', '=', view.day)
        .where('story_id', '=', view.storyId)
        .where('address', '=', view.address)
        .executeTakeFirst();
      if (Number(fromAddress?.n ?? 0) >= perAddress) continue;
      const inserted = await trx
        .insertInto('story_view_readers')
        .values({ day: view.day, story_id: view.storyId, reader: view.reader, address: view.address })
        .onConflict((oc) => oc.columns(['day', 'story_id', 'reader']).doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) continue;
      counted += 1;
      const key = `${view.storyId}|${view.hourTs}`;
      const hour = hours.get(key) ?? { storyId: view.storyId, edition, hourTs: view.hourTs, views: 0 };
      hour.views += 1;
      hours.set(key, hour);
    }
    for (const hour of hours.values()) {
      await trx
        .insertInto('story_view_hours')
        .values({ story_id: hour.storyId, edition: hour.edition, hour_ts: hour.hourTs, views: hour.views })
        .onConflict((oc) => oc.columns(['story_id', 'hour_ts']).doUpdateSet({ views: sql`story_view_hours.views + ${hour.views}` }))
        .execute();
    }
    return counted;
  });
}

/** Forgets who was counted before `day` (`yyyy-mm-dd`): their hashes can no longer be matched with anything. */
export async function forgetReadersBefore(db: Db, day: string): Promise<void> {
  await db.deleteFrom('story_view_readers').where('day', '<', day).execute();
}

export type StoryViewHour = { hourTs: number; views: number };

/** A story's views per UTC hour since `sinceTs`, oldest first; undefined when there is no such story. */
export async function listStoryViewHours(db: Db, id: string, sinceTs: number): Promise<StoryViewHour[] | undefined> {
  const story = await db.selectFrom('articles').select('id').where('id', '=', id).executeTakeFirst();
  if (!story) return undefined;
  const rows = await db
    .selectFrom('story_view_hours')
    .select(['hour_ts', 'views'])
    .where('story_id', '=', id)
    .where('hour_ts', '>=', sinceTs)
    .orderBy('hour_ts')
    .execute();
  return rows.map((row) => ({ hourTs: Number(row.hour_ts), views: Number(row.views) }));
}

/** The edition's published stories most read since `sinceTs`, most read first (the newer first among equals). */
export async function listMostRead(db: Db, edition: EditionId, sinceTs: number, limit: number): Promise<(ArticleSummary & { views: number })[]> {
  const totals = await db
    .selectFrom('story_view_hours as h')
    .innerJoin('articles as a', 'a.id', 'h.story_id')
    .select(['h.story_id', (eb) => eb.fn.sum<number>('h.views').as('views'), (eb) => eb.fn.max('a.published_ts').as('published_ts')])
    .where('h.edition', '=', edition)
    .where('h.hour_ts', '>=', sinceTs)
    .where('a.status', '=', 'published')
    .groupBy('h.story_id')
    .orderBy('views', 'desc')
    .orderBy('published_ts', 'desc')
    .orderBy('h.story_id')
    .limit(limit)
    .execute();
  if (totals.length === 0) return [];
  const rows = await db
    .selectFrom('articles')
    .select(summaryColumns)
    .where(
      'id',
      'in',
      totals.map((t) => t.story_id),
    )
    .execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return totals.flatMap((total) => {
    const row = byId.get(total.story_id);
    return row ? [{ ...toSummary(row), views: Number(total.views) }] : [];
  });
}

/**
 * Records the edition's most read stories as they stand (their ids, in order), and purges the
 * pages that show the list when it changed. Several processes may run it: only the first to see
 * a change records it. Returns whether the list changed.
 */
export async function noteMostRead(db: Db, edition: EditionId, ids: string[]): Promise<boolean> {
  const key = `most-read:${edition}`;
  const value = JSON.stringify(ids);
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('site_settings').select('value').where('key', '=', key).executeTakeFirst();
    // No list recorded yet is an empty list: a store nobody has read yet purges nothing.
    if ((row?.value ?? '[]') === value) return false;
    // Only the first of several processes that saw the change writes it (the others' update finds it written).
    const written = await trx
      .insertInto('site_settings')
      .values({ key, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }).where('site_settings.value', '<>', value))
      .executeTakeFirst();
    if (Number(written.numInsertedOrUpdatedRows ?? 0) === 0) return false;
    await recordCacheInvalidations(trx, [contentTags.mostRead(edition)]);
    return true;
  });
}
