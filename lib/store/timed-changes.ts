import { contentTags, tagsAffectedByStory } from '../domain/content-tags';
import type { EditionId } from '../domain/editions';
import { placementOf, recordCacheInvalidations } from './cache-events';
import type { Db } from './rows';

/**
 * Changes that happen by the clock rather than by a write: an editors' choice or a banner
 * reaching its `until`, a live story whose updates stopped (its window closed). Every server
 * process's scheduler (lib/data/scheduler.ts) asks when the next one is due and, at that time,
 * applies it: one transaction that deletes or clears what expired and records the cache tags
 * of the pages that showed it. The delete is what makes it happen once, whichever process gets
 * there first.
 */

/** The time of the next change by the clock, per edition (absent: none due). */
export async function nextTimedChanges(db: Db): Promise<Map<string, number>> {
  const [fronts, banners, live] = await Promise.all([
    db
      .selectFrom('fronts')
      .select(['edition', (eb) => eb.fn.min('until_ts').as('next')])
      .where('until_ts', 'is not', null)
      .groupBy('edition')
      .execute(),
    db
      .selectFrom('breaking_news')
      .select(['edition', (eb) => eb.fn.min('until_ts').as('next')])
      .where('until_ts', 'is not', null)
      .groupBy('edition')
      .execute(),
    db
      .selectFrom('articles')
      .select(['edition', (eb) => eb.fn.min('live_until_ts').as('next')])
      .where('live_until_ts', 'is not', null)
      .groupBy('edition')
      .execute(),
  ]);
  const next = new Map<string, number>();
  for (const row of [...fronts, ...banners, ...live]) {
    const ts = Number(row.next);
    if (Number.isFinite(ts)) next.set(row.edition, Math.min(ts, next.get(row.edition) ?? Infinity));
  }
  return next;
}

/** Applies what is due at `now`; answers how many of each it applied (0 when another process did first). */
export async function applyDueTimedChanges(db: Db, now = Date.now()): Promise<{ fronts: number; banners: number; liveEnded: string[] }> {
  return db.transaction().execute(async (trx) => {
    const tags = new Set<string>();
    const fronts = await trx.deleteFrom('fronts').where('until_ts', '<=', now).returning(['edition', 'section']).execute();
    for (const front of fronts) tags.add(contentTags.front(front.edition as EditionId, front.section || undefined));
    const banners = await trx.deleteFrom('breaking_news').where('until_ts', '<=', now).returning('edition').execute();
    for (const banner of banners) tags.add(contentTags.breaking(banner.edition as EditionId));
    const ended = await trx.updateTable('articles').set({ live_until_ts: null }).where('live_until_ts', '<=', now).returning('id').execute();
    for (const { id } of ended) {
      const placement = await placementOf(trx, id);
      // Its badge leaves every list it is in, and its page stops being a live page.
      if (placement) for (const tag of tagsAffectedByStory(placement, placement, true)) tags.add(tag);
    }
    await recordCacheInvalidations(trx, [...tags]);
    return { fronts: fronts.length, banners: banners.length, liveEnded: ended.map((row) => row.id) };
  });
}
