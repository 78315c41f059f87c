import type { Kysely, Migration } from 'kysely';

/**
 * What readers read (issue 32, decision 027), without knowing who they are:
 * - `story_view_readers`: who has been counted for a story today — a reader as a hash of the
 *   address and user agent salted with the day's salt, and the address as a hash salted the
 *   same way (for the cap per address). Kept for the day and the next, then deleted.
 * - `story_view_hours`: views per story per UTC hour, what "Most read" and editors read.
 */
export const storyViewsMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('story_view_readers')
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('story_id', 'text', (c) => c.notNull())
      .addColumn('reader', 'text', (c) => c.notNull())
      .addColumn('address', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('story_view_readers_pk', ['day', 'story_id', 'reader'])
      .execute();
    await db.schema.createIndex('story_view_readers_address_idx').on('story_view_readers').columns(['day', 'story_id', 'address']).execute();
    await db.schema
      .createTable('story_view_hours')
      .addColumn('story_id', 'text', (c) => c.notNull())
      .addColumn('edition', 'text', (c) => c.notNull())
      .addColumn('hour_ts', 'bigint', (c) => c.notNull())
      .addColumn('views', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('story_view_hours_pk', ['story_id', 'hour_ts'])
      .execute();
    await db.schema.createIndex('story_view_hours_edition_idx').on('story_view_hours').columns(['edition', 'hour_ts']).execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('story_view_hours').execute();
    await db.schema.dropTable('story_view_readers').execute();
  },
};
