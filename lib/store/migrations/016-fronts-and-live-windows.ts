import { sql, type Kysely, type Migration } from 'kysely';

/**
 * What editors decide beyond a story (decision 019):
 * - `fronts`: the story that leads a front and the order of its top stories, per edition and
 *   section ('' for the edition's home), until an optional time;
 * - `breaking_news`: one banner per edition, optionally linked to a story, until an optional time;
 * - `articles.live_until_ts`: when a live story stops being live if no update comes before it
 *   (null: not live now). Stories live when this migration runs get their window from their
 *   newest update, or their publication when they have none, and the twelve hours a story is
 *   given when it names no window of its own.
 * Each time column is indexed where it is set: every server asks for the soonest of them every
 * few seconds, as it does for scheduled stories.
 */

/** The default window of a live story, frozen as it was when this migration was written. */
const defaultLiveWindowMs = 12 * 60 * 60 * 1000;

export const frontsAndLiveWindowsMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('fronts')
      .addColumn('edition', 'text', (c) => c.notNull())
      .addColumn('section', 'text', (c) => c.notNull())
      .addColumn('lead_id', 'text')
      .addColumn('top_ids', 'text', (c) => c.notNull())
      .addColumn('until_ts', 'bigint')
      .addColumn('set_ts', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('fronts_pk', ['edition', 'section'])
      .execute();
    await sql`create index fronts_until_idx on fronts (until_ts) where until_ts is not null`.execute(db);

    await db.schema
      .createTable('breaking_news')
      .addColumn('edition', 'text', (c) => c.primaryKey())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('story_id', 'text')
      .addColumn('until_ts', 'bigint')
      .addColumn('set_ts', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema.alterTable('articles').addColumn('live_until_ts', 'bigint').execute();
    await sql`create index articles_live_until_idx on articles (live_until_ts) where live_until_ts is not null`.execute(db);

    const now = Date.now();
    const live = await db.selectFrom('articles').select(['id', 'published_ts']).where('live', '=', 1).where('status', '=', 'published').execute();
    for (const row of live) {
      const newest = await db
        .selectFrom('live_updates')
        .select((eb) => eb.fn.max('published_ts').as('ts'))
        .where('article_id', '=', row.id)
        .executeTakeFirst();
      const until = Math.max(Number(row.published_ts), Number(newest?.ts ?? 0)) + defaultLiveWindowMs;
      if (until > now) await db.updateTable('articles').set({ live_until_ts: until }).where('id', '=', row.id).execute();
    }
  },
  async down(db: Kysely<any>) {
    await sql`drop index articles_live_until_idx`.execute(db);
    await db.schema.alterTable('articles').dropColumn('live_until_ts').execute();
    await db.schema.dropTable('breaking_news').execute();
    await db.schema.dropTable('fronts').execute();
  },
};
