import { sql } from 'kysely';
import { dialectOf } from './dialect';
import type { StoryPlacement } from '../domain/content-tags';
import type { EditionId } from '../domain/editions';
import { slugify } from '../domain/slug';
import { dayBounds, monthBounds, sitemapMonth, storyDay, type StoryFilter } from '../domain/stories';
import { storyKeys } from './keys';
import type { Db } from './rows';

/**
 * The aggregates: stories per month of each edition (sitemap_months, the sitemap index), and
 * per month and per day of each list (list_months, list_days: how page numbers are found).
 * Writes keep them in step; a bulk load rebuilds them once.
 */

/** The UTC month (`2018-04`) or day (`2018-04-27`) of a `published_ts` column, in the store's SQL. */
function periodOfPublishedTs(db: Db, period: 'month' | 'day') {
  if (dialectOf(db) === 'postgres') {
    return period === 'month'
      ? sql<string>`to_char(to_timestamp(published_ts / 1000.0) at time zone 'UTC', 'YYYY-MM')`
      : sql<string>`to_char(to_timestamp(published_ts / 1000.0) at time zone 'UTC', 'YYYY-MM-DD')`;
  }
  return period === 'month'
    ? sql<string>`strftime('%Y-%m', published_ts / 1000, 'unixepoch')`
    : sql<string>`strftime('%Y-%m-%d', published_ts / 1000, 'unixepoch')`;
}

/**
 * Fills `list_months` and `list_days` (which must be empty) from the stories: per edition, list
 * and month or day, the published stories — exactly what a list page shows (keys.ts, storyKeys).
 */
async function countLists(db: Db): Promise<void> {
  for (const [table, column, period] of [
    ['list_months', 'month', periodOfPublishedTs(db, 'month')],
    ['list_days', 'day', periodOfPublishedTs(db, 'day')],
  ] as const) {
    await sql`insert into ${sql.table(table)} (edition, kind, slug, ${sql.ref(column)}, story_count)
      select edition, 'section', section, ${period}, count(*) from articles where status = 'published' group by edition, section, ${period}
      union all
      select edition, 'tag', tag_slug, ${period}, count(*) from article_tags where is_published = 1 group by edition, tag_slug, ${period}
      union all
      select edition, 'author', author_slug, ${period}, count(*) from article_authors where is_published = 1 group by edition, author_slug, ${period}`.execute(
      db,
    );
  }
}

/** Recounts the aggregates (sitemap months, list months and days) of every edition: after a bulk load. */
export async function rebuildMonthlyCounts(db: Db): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('sitemap_months').execute();
    const month = periodOfPublishedTs(trx, 'month');
    await sql`insert into sitemap_months (edition, month, story_count, last_modified_ts)
      select edition, ${month}, count(*), max(modified_ts)
      from articles where status = 'published'
      group by edition, ${month}`.execute(trx);
    await trx.deleteFrom('list_months').execute();
    await trx.deleteFrom('list_days').execute();
    await countLists(trx);
  });
}

/**
 * Recounts, for every list a story was or is in, the months and the days it was or is published
 * in: the counts page numbers are found by (findPageStart). A month or day left empty disappears.
 */
export async function refreshListCounts(trx: Db, edition: EditionId, placements: (StoryPlacement | undefined)[]): Promise<void> {
  type Period = { table: 'list_months'; column: 'month'; value: string } | { table: 'list_days'; column: 'day'; value: string };
  const pairs = new Map<string, { filter: Extract<StoryFilter, { slug: string }>; period: Period; bounds: { start: number; end: number } }>();
  for (const placement of placements) {
    if (!placement) continue;
    const month = sitemapMonth(placement.publishedTs);
    const day = storyDay(placement.publishedTs);
    const filters: Extract<StoryFilter, { slug: string }>[] = [
      { kind: 'section', slug: placement.section },
      ...placement.tags.map((name) => ({ kind: 'tag' as const, slug: slugify(name) })),
      ...placement.authors.map((slug) => ({ kind: 'author' as const, slug })),
    ];
    for (const filter of filters) {
      pairs.set(`${filter.kind}/${filter.slug}/${month}`, {
        filter,
        period: { table: 'list_months', column: 'month', value: month },
        bounds: monthBounds(month),
      });
      pairs.set(`${filter.kind}/${filter.slug}/${day}`, { filter, period: { table: 'list_days', column: 'day', value: day }, bounds: dayBounds(day) });
    }
  }
  for (const { filter, period, bounds } of pairs.values()) {
    const stories = storyKeys(trx, edition, filter, null, bounds.end).clearOrderBy().as('stories');
    const row = await trx
      .selectFrom(stories)
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('stories.ts', '>=', bounds.start)
      .executeTakeFirst();
    const count = Number(row?.count ?? 0);
    const key = { edition, kind: filter.kind, slug: filter.slug };
    if (count === 0) {
      await trx
        .deleteFrom(period.table)
        .where('edition', '=', edition)
        .where('kind', '=', filter.kind)
        .where('slug', '=', filter.slug)
        .where(period.column, '=', period.value)
        .execute();
      continue;
    }
    if (period.table === 'list_months') {
      await trx
        .insertInto('list_months')
        .values({ ...key, month: period.value, story_count: count })
        .onConflict((oc) => oc.columns(['edition', 'kind', 'slug', 'month']).doUpdateSet({ story_count: count }))
        .execute();
    } else {
      await trx
        .insertInto('list_days')
        .values({ ...key, day: period.value, story_count: count })
        .onConflict((oc) => oc.columns(['edition', 'kind', 'slug', 'day']).doUpdateSet({ story_count: count }))
        .execute();
    }
  }
}

/** Recounts the months a write touched, from the index; a month left empty disappears. */
export async function refreshSitemapMonths(trx: Db, edition: EditionId, timestamps: number[]): Promise<void> {
  for (const month of new Set(timestamps.map(sitemapMonth))) {
    const { start, end } = monthBounds(month);
    const row = await trx
      .selectFrom('articles')
      .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.max('modified_ts').as('last')])
      .where('edition', '=', edition)
      .where('status', '=', 'published')
      .where('published_ts', '>=', start)
      .where('published_ts', '<', end)
      .executeTakeFirst();
    const count = Number(row?.count ?? 0);
    if (count === 0) {
      await trx.deleteFrom('sitemap_months').where('edition', '=', edition).where('month', '=', month).execute();
      continue;
    }
    const values = { story_count: count, last_modified_ts: Number(row?.last ?? 0) };
    await trx
      .insertInto('sitemap_months')
      .values({ edition, month, ...values })
      .onConflict((oc) => oc.columns(['edition', 'month']).doUpdateSet(values))
      .execute();
  }
}
