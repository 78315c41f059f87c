import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The whole schema on PostgreSQL, as SQLite reaches it after its migrations 001 to 007: the
 * same tables, columns and indexes (so the repository's queries and their plans are the same),
 * with PostgreSQL's own full-text search in place of FTS5. Later changes get a migration in
 * each dialect's list.
 */
export const initialPostgresMigration: Migration = {
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
      .addColumn('live', 'integer', (c) => c.notNull().defaultTo(0))
      .addUniqueConstraint('articles_edition_slug_unique', ['edition', 'slug'])
      .execute();
    await db.schema.createIndex('articles_latest_idx').on('articles').columns(['edition', 'status', 'published_ts desc', 'id desc']).execute();
    await db.schema
      .createIndex('articles_section_latest_idx')
      .on('articles')
      .columns(['edition', 'section', 'status', 'published_ts desc', 'id desc'])
      .execute();
    await db.schema.createIndex('articles_sitemap_idx').on('articles').columns(['edition', 'status', 'published_ts', 'modified_ts']).execute();

    await db.schema
      .createTable('article_previous_slugs')
      .addColumn('edition', 'text', (c) => c.notNull())
      .addColumn('slug', 'text', (c) => c.notNull())
      .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('article_previous_slugs_pk', ['edition', 'slug'])
      .execute();
    await db.schema.createIndex('article_previous_slugs_article_idx').on('article_previous_slugs').column('article_id').execute();

    for (const [table, key, name, byKeyIndex] of [
      ['article_tags', 'tag_slug', 'tag_name', 'article_tags_tag_idx'],
      ['article_authors', 'author_slug', 'author_name', 'article_authors_author_idx'],
    ] as const) {
      await db.schema
        .createTable(table)
        .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('edition', 'text', (c) => c.notNull())
        .addColumn(key, 'text', (c) => c.notNull())
        .addColumn(name, 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('published_ts', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('is_published', 'integer', (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint(`${table}_pk`, ['article_id', key])
        .execute();
      await db.schema.createIndex(byKeyIndex).on(table).columns(['edition', key]).execute();
      await db.schema
        .createIndex(`${table}_latest_idx`)
        .on(table)
        .columns(['edition', key, 'is_published', 'published_ts desc', 'article_id desc'])
        .execute();
    }

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

    await db.schema
      .createTable('cache_tag_events')
      .addColumn('seq', 'bigserial', (c) => c.primaryKey())
      .addColumn('tag', 'text', (c) => c.notNull())
      .addColumn('created_ts', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('cache_tag_events_created_idx').on('cache_tag_events').column('created_ts').execute();

    await db.schema
      .createTable('sitemap_months')
      .addColumn('edition', 'text', (c) => c.notNull())
      .addColumn('month', 'text', (c) => c.notNull())
      .addColumn('story_count', 'integer', (c) => c.notNull())
      .addColumn('last_modified_ts', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('sitemap_months_pk', ['edition', 'month'])
      .execute();

    await db.schema
      .createTable('article_search_keys')
      .addColumn('search_rowid', 'bigserial', (c) => c.primaryKey())
      .addColumn('article_id', 'text', (c) => c.notNull().unique().references('articles.id').onDelete('cascade'))
      .execute();

    // Full-text search: one row per published story, its weighted document computed by the
    // database (A headline, B standfirst, C tags and slug, D body), English stemming so that
    // "server" finds "servers", and a GIN index over it.
    await sql`create table articles_search (
      search_rowid bigint primary key references article_search_keys (search_rowid) on delete cascade,
      edition text not null,
      headline text not null,
      standfirst text not null,
      body text not null,
      tags text not null,
      slug text not null,
      document tsvector generated always as (
        setweight(to_tsvector('english', headline), 'A') ||
        setweight(to_tsvector('english', standfirst), 'B') ||
        setweight(to_tsvector('english', tags || ' ' || slug), 'C') ||
        setweight(to_tsvector('english', body), 'D')
      ) stored
    )`.execute(db);
    await sql`create index articles_search_document_idx on articles_search using gin (document)`.execute(db);
    await sql`create index articles_search_edition_idx on articles_search (edition)`.execute(db);
  },

  async down(db: Kysely<any>) {
    for (const table of [
      'articles_search',
      'article_search_keys',
      'sitemap_months',
      'cache_tag_events',
      'site_settings',
      'live_updates',
      'article_authors',
      'article_tags',
      'article_previous_slugs',
      'articles',
      'sections',
    ]) {
      await db.schema.dropTable(table).execute();
    }
  },
};
