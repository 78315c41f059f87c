import type { Kysely, Migration } from 'kysely';

/**
 * Live stories: a flag on the article and its timestamped updates, newest first by keyset.
 * And a small settings table, for values every instance sharing this store must agree on.
 */
export const liveStoriesMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .alterTable('articles')
      .addColumn('live', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .createTable('live_updates')
      .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('published_at', 'text', (c) => c.notNull())
      .addColumn('published_ts', 'bigint', (c) => c.notNull())
      .addColumn('title', 'text')
      .addColumn('blocks', 'text', (c) => c.notNull())
      .addColumn('stored_ts', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('live_updates_pk', ['article_id', 'id'])
      .execute();
    await db.schema.createIndex('live_updates_latest_idx').on('live_updates').columns(['article_id', 'published_ts desc', 'id desc']).execute();
    await db.schema
      .createTable('site_settings')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('site_settings').execute();
    await db.schema.dropTable('live_updates').execute();
    await db.schema.alterTable('articles').dropColumn('live').execute();
  },
};
