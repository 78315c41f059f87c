import type { Article } from '../domain/article-schema';
import { readArticleDocument, type Db } from './rows';

/**
 * Scheduled stories: published with a time still ahead (decision 015). Their rows say
 * `scheduled`, which every public read leaves out; at their time a server writes them again,
 * which makes them `published` and records the cache tags that must forget their absence.
 */

/** The time of the next scheduled story, per edition (absent: none scheduled). */
export async function nextScheduledTimes(db: Db): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('articles')
    .select(['edition', (eb) => eb.fn.min('published_ts').as('next')])
    .where('status', '=', 'scheduled')
    .groupBy('edition')
    .execute();
  return new Map(rows.map((row) => [row.edition, Number(row.next)]));
}

/** Scheduled stories whose time has come, oldest first. */
export async function dueScheduledStories(db: Db, now: number, limit = 100): Promise<Article[]> {
  const rows = await db
    .selectFrom('articles')
    .select('document')
    .where('status', '=', 'scheduled')
    .where('published_ts', '<=', now)
    .orderBy('published_ts')
    .limit(limit)
    .execute();
  return rows.map((row) => readArticleDocument(row.document));
}
