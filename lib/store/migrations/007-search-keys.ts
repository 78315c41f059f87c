import { sql, type Kysely, type Migration } from 'kysely';
import { bodyText, dialectOf } from './frozen';

/**
 * Search rows were found by their article_id, an unindexed FTS5 column: every write scanned the
 * whole search index. Each story now has a stable integer key (an explicit INTEGER PRIMARY KEY,
 * which VACUUM never renumbers) that is its row's rowid in the search index.
 *
 * On PostgreSQL this is where the search index is created: one row per published story, its
 * weighted document computed by the database (A headline, B standfirst, C tags and slug,
 * D body), English stemming so that "server" finds "servers", and a GIN index over it.
 */
export const searchKeysMigration: Migration = {
  async up(db: Kysely<any>) {
    const postgres = dialectOf(db) === 'postgres';
    await db.schema
      .createTable('article_search_keys')
      .addColumn('search_rowid', postgres ? 'bigserial' : 'integer', (c) => c.primaryKey())
      .addColumn('article_id', 'text', (c) => c.notNull().unique().references('articles.id').onDelete('cascade'))
      .execute();
    await sql`insert into article_search_keys (article_id) select id from articles order by published_ts, id`.execute(db);
    if (postgres) {
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
    } else {
      await sql`delete from articles_fts`.execute(db);
    }
    const rows = (
      await sql<{ search_rowid: number; id: string; edition: string; slug: string; document: string }>`
      select k.search_rowid, a.id, a.edition, a.slug, a.document from articles a
      join article_search_keys k on k.article_id = a.id where a.status = 'published'`.execute(db)
    ).rows;
    for (const row of rows) {
      const article = JSON.parse(row.document) as { headline: string; standfirst: string; tags: string[]; body: Parameters<typeof bodyText>[0] };
      const [body, tags, slug] = [bodyText(article.body), article.tags.join(' '), row.slug.replaceAll('-', ' ')];
      await (
        postgres
          ? sql`insert into articles_search (search_rowid, edition, headline, standfirst, body, tags, slug)
            values (${row.search_rowid}, ${row.edition}, ${article.headline}, ${article.standfirst}, ${body}, ${tags}, ${slug})`
          : sql`insert into articles_fts (rowid, article_id, edition, headline, standfirst, body, tags, slug)
            values (${row.search_rowid}, ${row.id}, ${row.edition}, ${article.headline}, ${article.standfirst}, ${body}, ${tags}, ${slug})`
      ).execute(db);
    }
  },
  async down(db: Kysely<any>) {
    if (dialectOf(db) === 'postgres') await sql`drop table articles_search`.execute(db);
    await db.schema.dropTable('article_search_keys').execute();
  },
};
