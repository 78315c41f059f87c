import { sql, type Kysely, type Migration } from 'kysely';
import { dialectOf } from './frozen';

/**
 * Three editions (decision 014):
 * - `articles.translation_group`: stories that are translations of one another share it;
 * - `sections.section_group`: a section's counterparts in the other editions share it (null:
 *   its slug);
 * - the search index holds terms made by our own normaliser (lib/domain/search-text.ts) instead
 *   of each store's English rules: SQLite's FTS5 table loses its Porter tokenizer, PostgreSQL's
 *   document its English configuration. Both are emptied here; the store fills them again when
 *   it opens (lib/store/search/reindex.ts), because what the index holds depends on live code,
 *   which a frozen migration must not import.
 */
export const editionsMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('articles').addColumn('translation_group', 'text').execute();
    await db.schema.createIndex('articles_translation_group_idx').on('articles').columns(['translation_group', 'edition']).execute();
    await db.schema.alterTable('sections').addColumn('section_group', 'text').execute();
    await sql`delete from site_settings where key = 'search_text_version'`.execute(db);
    if (dialectOf(db) === 'postgres') {
      await sql`delete from articles_search`.execute(db);
      await sql`alter table articles_search drop column document`.execute(db);
      await sql`alter table articles_search add column document tsvector generated always as (
        setweight(to_tsvector('simple', headline), 'A') ||
        setweight(to_tsvector('simple', standfirst), 'B') ||
        setweight(to_tsvector('simple', tags || ' ' || slug), 'C') ||
        setweight(to_tsvector('simple', body), 'D')
      ) stored`.execute(db);
      await sql`create index articles_search_document_idx on articles_search using gin (document)`.execute(db);
      return;
    }
    await sql`drop table articles_fts`.execute(db);
    await sql`create virtual table articles_fts using fts5(
      article_id unindexed, edition unindexed, headline, standfirst, body, tags, slug,
      tokenize = 'unicode61 remove_diacritics 0'
    )`.execute(db);
  },
};
