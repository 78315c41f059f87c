import { sql, type Kysely, type Migration } from 'kysely';
import { bodyText, dialectOf } from './frozen';

/**
 * Full-text search (SQLite FTS5) over published stories, and the columns tag and author pages
 * need to list stories newest first by keyset without sorting. PostgreSQL's search index is
 * created with the search keys it is addressed by (007).
 */
export const searchAndListsMigration: Migration = {
  async up(db: Kysely<any>) {
    for (const table of ['article_tags', 'article_authors']) {
      await db.schema
        .alterTable(table)
        .addColumn('published_ts', 'bigint', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .alterTable(table)
        .addColumn('is_published', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await sql`update ${sql.table(table)} set
        published_ts = (select published_ts from articles where articles.id = ${sql.ref(`${table}.article_id`)}),
        is_published = (select case when status = 'published' then 1 else 0 end from articles where articles.id = ${sql.ref(`${table}.article_id`)})`.execute(
        db,
      );
    }
    await db.schema
      .createIndex('article_tags_latest_idx')
      .on('article_tags')
      .columns(['edition', 'tag_slug', 'is_published', 'published_ts desc', 'article_id desc'])
      .execute();
    await db.schema
      .createIndex('article_authors_latest_idx')
      .on('article_authors')
      .columns(['edition', 'author_slug', 'is_published', 'published_ts desc', 'article_id desc'])
      .execute();

    if (dialectOf(db) === 'postgres') return;
    // Porter stemming matches "server" with "servers"; remove_diacritics matches "Liege" with "Liège".
    await sql`create virtual table articles_fts using fts5(
      article_id unindexed, edition unindexed, headline, standfirst, body, tags, slug,
      tokenize = 'porter unicode61 remove_diacritics 2'
    )`.execute(db);
    const rows = await db.selectFrom('articles').select(['id', 'edition', 'slug', 'document']).where('status', '=', 'published').execute();
    for (const row of rows as { id: string; edition: string; slug: string; document: string }[]) {
      const article = JSON.parse(row.document) as { headline: string; standfirst: string; tags: string[]; body: Parameters<typeof bodyText>[0] };
      await sql`insert into articles_fts (article_id, edition, headline, standfirst, body, tags, slug)
        values (${row.id}, ${row.edition}, ${article.headline}, ${article.standfirst}, ${bodyText(article.body)}, ${article.tags.join(' ')}, ${row.slug.replaceAll('-', ' ')})`.execute(
        db,
      );
    }
  },

  async down(db: Kysely<any>) {
    if (dialectOf(db) === 'sqlite') await sql`drop table articles_fts`.execute(db);
    await db.schema.dropIndex('article_tags_latest_idx').execute();
    await db.schema.dropIndex('article_authors_latest_idx').execute();
    for (const table of ['article_tags', 'article_authors']) {
      await db.schema.alterTable(table).dropColumn('published_ts').execute();
      await db.schema.alterTable(table).dropColumn('is_published').execute();
    }
  },
};
