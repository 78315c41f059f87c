import { sql } from 'kysely';
import { dialectOf } from './dialect';
import type { StoryPlacement } from '../domain/content-tags';
import type { EditionId } from '../domain/editions';
import { slugify } from '../domain/slug';
import { monthBounds, sitemapMonth, type StoryFilter } from '../domain/stories';
import { storyKeys } from './keys';
import type { Db } from './rows';

/**
 * The monthly aggregates: stories per month of each edition (sitemap_months, the sitemap index)
 * and of each list (list_months, how page numbers are found). Writes keep them in step; a bulk
 * load rebuilds them once.
 */

/** The UTC month (`2018-04`) of a `published_ts` column, in the store's SQL. */
function monthOfPublishedTs(db: Db) {
  return dialectOf(db) === 'postgres'
    ? sql<string>`to_char(to_timestamp(published_ts / 1000.0) at time zone 'UTC', 'YYYY-MM')`
    : sql<string>`strftime('%Y-%m', published_ts / 1000, 'unixepoch')`;
}

/**
 * Fills `list_months` (which must be empty) from the stories: per edition, list and month, the
 * published stories — exactly what a list page shows (keys.ts, storyKeys).
 */
async function countListMonths(db: Db): Promise<void> {
  const month = monthOfPublishedTs(db);
  await sql`insert into list_months (edition, kind, slug, month, story_count)
    select edition, 'section', section, ${month}, count(*) from articles where status = 'published' group by edition, section, ${month}
    union all
    select edition, 'tag', tag_slug, ${month}, count(*) from article_tags where is_published = 1 group by edition, tag_slug, ${month}
    union all
    select edition, 'author', author_slug, ${month}, count(*) from article_authors where is_published = 1 group by edition, author_slug, ${month}`.execute(db);
}

/** Recounts the monthly aggregates (sitemap months, list months) of every edition: after a bulk load. */
export async function rebuildMonthlyCounts(db: Db): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('sitemap_months').execute();
    const month = monthOfPublishedTs(trx);
    await sql`insert into sitemap_months (edition, month, story_count, last_modified_ts)
      select edition, ${month}, count(*), max(modified_ts)
      from articles where status = 'published'
      group by edition, ${month}`.execute(trx);
    await trx.deleteFrom('list_months').execute();
    await countListMonths(trx);
  });
}

/**
 * Recounts, for every list a story was or is in, the months it was or is published in: the
 * counts page numbers are found by (findPageStart). A month left empty disappears.
 */
export async function refreshListMonths(trx: Db, edition: EditionId, placements: (StoryPlacement | undefined)[]): Promise<void> {
  const pairs = new Map<string, { filter: Extract<StoryFilter, { slug: string }>; month: string }>();
  for (const placement of placements) {
    if (!placement) continue;
    const month = sitemapMonth(placement.publishedTs);
    const filters: Extract<StoryFilter, { slug: string }>[] = [
      { kind: 'section', slug: placement.section },
      ...placement.tags.map((name) => ({ kind: 'tag' as const, slug: slugify(name) })),
      ...placement.authors.map((slug) => ({ kind: 'author' as const, slug })),
    ];
    for (const filter of filters) pairs.set(`${filter.kind}/${filter.slug}/${month}`, { filter, month });
  }
  for (const { filter, month } of pairs.values()) {
    const { start, end } = monthBounds(month);
    const stories = storyKeys(trx, edition, filter, null, end).clearOrderBy().as('stories');
    const row = await trx
      .selectFrom(stories)
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('stories.ts', '>=', start)
      .executeTakeFirst();
    const count = Number(row?.count ?? 0);
    const key = { edition, kind: filter.kind, slug: filter.slug, month };
    if (count === 0) {
      await trx
        .deleteFrom('list_months')
        .where('edition', '=', edition)
        .where('kind', '=', filter.kind)
        .where('slug', '=', filter.slug)
        .where('month', '=', month)
        .execute();
      continue;
    }
    await trx
      .insertInto('list_months')
      .values({ ...key, story_count: count })
      .onConflict((oc) => oc.columns(['edition', 'kind', 'slug', 'month']).doUpdateSet({ story_count: count }))
      .execute();
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
