import { sql, type Kysely, type Migration } from 'kysely';

/** Articles, their previous slugs, tags and authors, and the sections of each edition. */
export const articlesMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('sections')
      .addColumn('edition', 'text', (c) => c.notNull())
      .addColumn('slug', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('sections_pk', ['edition', 'slug'])
      .execute();

    await db.schema
      .createTable('articles')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('edition', 'text', (c) => c.notNull())
      .addColumn('section', 'text', (c) => c.notNull())
      .addColumn('slug', 'text', (c) => c.notNull())
      .addColumn('path_date', 'text', (c) => c.notNull())
      .addColumn('headline', 'text', (c) => c.notNull())
      .addColumn('standfirst', 'text', (c) => c.notNull())
      .addColumn('published_at', 'text', (c) => c.notNull())
      .addColumn('published_ts', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'text')
      .addColumn('modified_ts', 'bigint', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('published', 'withdrawn')`))
      .addColumn('main_image', 'text', (c) => c.notNull())
      .addColumn('document', 'text', (c) => c.notNull())
      .addColumn('stored_ts', 'bigint', (c) => c.notNull())
      .addUniqueConstraint('articles_edition_slug_unique', ['edition', 'slug'])
      .execute();

    // Keyset pagination walks these newest first; id breaks ties between equal times.
    await db.schema.createIndex('articles_latest_idx').on('articles').columns(['edition', 'status', 'published_ts desc', 'id desc']).execute();
    await db.schema
      .createIndex('articles_section_latest_idx')
      .on('articles')
      .columns(['edition', 'section', 'status', 'published_ts desc', 'id desc'])
      .execute();

    await db.schema
      .createTable('article_previous_slugs')
      .addColumn('edition', 'text', (c) => c.notNull())
      .addColumn('slug', 'text', (c) => c.notNull())
      .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('article_previous_slugs_pk', ['edition', 'slug'])
      .execute();
    await db.schema.createIndex('article_previous_slugs_article_idx').on('article_previous_slugs').column('article_id').execute();

    await db.schema
      .createTable('article_tags')
      .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('edition', 'text', (c) => c.notNull())
      .addColumn('tag_slug', 'text', (c) => c.notNull())
      .addColumn('tag_name', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('article_tags_pk', ['article_id', 'tag_slug'])
      .execute();
    await db.schema.createIndex('article_tags_tag_idx').on('article_tags').columns(['edition', 'tag_slug']).execute();

    await db.schema
      .createTable('article_authors')
      .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('edition', 'text', (c) => c.notNull())
      .addColumn('author_slug', 'text', (c) => c.notNull())
      .addColumn('author_name', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('article_authors_pk', ['article_id', 'author_slug'])
      .execute();
    await db.schema.createIndex('article_authors_author_idx').on('article_authors').columns(['edition', 'author_slug']).execute();
  },

  async down(db: Kysely<any>) {
    for (const table of ['article_authors', 'article_tags', 'article_previous_slugs', 'articles', 'sections']) {
      await db.schema.dropTable(table).execute();
    }
  },
};
