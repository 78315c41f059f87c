import type { Kysely, Migration } from 'kysely';
import { dialectOf } from './frozen';

/**
 * Cache invalidations, written in the same transaction as the content they concern. Every
 * server process reads the new ones before serving from its cache (lib/cache/), so a story
 * imported from the command line or published through any instance is fresh everywhere.
 */
export const cacheTagEventsMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('cache_tag_events')
      .addColumn('seq', dialectOf(db) === 'postgres' ? 'bigserial' : 'integer', (c) =>
        dialectOf(db) === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
      )
      .addColumn('tag', 'text', (c) => c.notNull())
      .addColumn('created_ts', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('cache_tag_events_created_idx').on('cache_tag_events').column('created_ts').execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('cache_tag_events').execute();
  },
};
