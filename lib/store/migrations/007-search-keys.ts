import { sql, type Kysely, type Migration } from 'kysely';
import type { Article } from '../../content/article-schema';
import { bodyText } from '../../content/article-text';

/**
 * Search rows were found by their article_id, an unindexed FTS5 column: every write scanned the
 * whole search index. Each story now has a stable integer key (an explicit INTEGER PRIMARY KEY,
 * which VACUUM never renumbers) that is its row's rowid in the search index.
 */
export const searchKeysMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('article_search_keys')
      .addColumn('search_rowid', 'integer', (c) => c.primaryKey())
      .addColumn('article_id', 'text', (c) => c.notNull().unique().references('articles.id').onDelete('cascade'))
      .execute();
    await sql`insert into article_search_keys (article_id) select id from articles order by published_ts, id`.execute(db);
    await sql`delete from articles_fts`.execute(db);
    const rows = (await sql<{ search_rowid: number; id: string; edition: string; slug: string; document: string }>`
      select k.search_rowid, a.id, a.edition, a.slug, a.document from articles a
      join article_search_keys k on k.article_id = a.id where a.status = 'published'`.execute(db)).rows;
    for (const row of rows) {
      const article = JSON.parse(row.document) as Article;
      await sql`insert into articles_fts (rowid, article_id, edition, headline, standfirst, body, tags, slug)
        values (${row.search_rowid}, ${row.id}, ${row.edition}, ${article.headline}, ${article.standfirst}, ${bodyText(article)},
          ${article.tags.join(' ')}, ${row.slug.replaceAll('-', ' ')})`.execute(db);
    }
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('article_search_keys').execute();
  },
};
