import { sql, type Kysely, type Migration } from 'kysely';
import { dialectOf } from './frozen';

/**
 * The sitemap index needs, per month, how many stories were published and when they last
 * changed. Counting the whole archive on every request grows with it; this table is kept up to
 * date by each write instead (recounting only the months it touches).
 */
export const sitemapMonthsMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('sitemap_months')
      .addColumn('edition', 'text', (c) => c.notNull())
      .addColumn('month', 'text', (c) => c.notNull())
      .addColumn('story_count', 'integer', (c) => c.notNull())
      .addColumn('last_modified_ts', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('sitemap_months_pk', ['edition', 'month'])
      .execute();
    const month =
      dialectOf(db) === 'postgres'
        ? sql`to_char(to_timestamp(published_ts / 1000.0) at time zone 'UTC', 'YYYY-MM')`
        : sql`strftime('%Y-%m', published_ts / 1000, 'unixepoch')`;
    await sql`insert into sitemap_months (edition, month, story_count, last_modified_ts)
      select edition, ${month}, count(*), max(modified_ts)
      from articles where status = 'published'
      group by edition, ${month}`.execute(db);
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('sitemap_months').execute();
  },
};
