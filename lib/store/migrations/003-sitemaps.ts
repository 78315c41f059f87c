import type { Kysely, Migration } from 'kysely';

/**
 * Sitemaps group published stories by month and need each group's latest modification: this
 * index answers that from the index alone, without reading a single story.
 */
export const sitemapsMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.createIndex('articles_sitemap_idx').on('articles').columns(['edition', 'status', 'published_ts', 'modified_ts']).execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropIndex('articles_sitemap_idx').execute();
  },
};
