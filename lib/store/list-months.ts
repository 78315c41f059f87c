import { sql, type Kysely } from 'kysely';
import { dialectOf } from './dialect';

/** The UTC month (`2018-04`) of a `published_ts` column, in the store's SQL. */
export function monthOfPublishedTs(db: Kysely<any>) {
  return dialectOf(db) === 'postgres'
    ? sql<string>`to_char(to_timestamp(published_ts / 1000.0) at time zone 'UTC', 'YYYY-MM')`
    : sql<string>`strftime('%Y-%m', published_ts / 1000, 'unixepoch')`;
}

/**
 * Fills `list_months` (which must be empty) from the stories: per edition, list and month, the
 * published stories — exactly what a list page shows (article-repository.ts, storyKeys).
 */
export async function countListMonths(db: Kysely<any>): Promise<void> {
  const month = monthOfPublishedTs(db);
  await sql`insert into list_months (edition, kind, slug, month, story_count)
    select edition, 'section', section, ${month}, count(*) from articles where status = 'published' group by edition, section, ${month}
    union all
    select edition, 'tag', tag_slug, ${month}, count(*) from article_tags where is_published = 1 group by edition, tag_slug, ${month}
    union all
    select edition, 'author', author_slug, ${month}, count(*) from article_authors where is_published = 1 group by edition, author_slug, ${month}`.execute(db);
}
