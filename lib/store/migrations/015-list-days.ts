import { sql, type Kysely, type Migration } from 'kysely';
import { dialectOf } from './frozen';

/**
 * How many published stories each section, tag and author list has per day, kept by every write
 * beside the monthly counts (migration 008). A deep page found its month by the monthly counts,
 * then walked that month's part of the list's index to its offset: 3,400 entries for a section
 * at a million stories. With the days of that month it walks one day's part (about a hundred).
 */
export const listDaysMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('list_days')
      .addColumn('edition', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('slug', 'text', (c) => c.notNull())
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('story_count', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('list_days_pk', ['edition', 'kind', 'slug', 'day'])
      .execute();
    const day =
      dialectOf(db) === 'postgres'
        ? sql<string>`to_char(to_timestamp(published_ts / 1000.0) at time zone 'UTC', 'YYYY-MM-DD')`
        : sql<string>`strftime('%Y-%m-%d', published_ts / 1000, 'unixepoch')`;
    await sql`insert into list_days (edition, kind, slug, day, story_count)
      select edition, 'section', section, ${day}, count(*) from articles where status = 'published' group by edition, section, ${day}
      union all
      select edition, 'tag', tag_slug, ${day}, count(*) from article_tags where is_published = 1 group by edition, tag_slug, ${day}
      union all
      select edition, 'author', author_slug, ${day}, count(*) from article_authors where is_published = 1 group by edition, author_slug, ${day}`.execute(db);
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('list_days').execute();
  },
};
