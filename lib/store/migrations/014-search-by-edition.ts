import { sql, type Kysely, type Migration } from 'kysely';
import { dialectOf } from './frozen';

/**
 * Search by edition, through an index (decision 017). A search ranks the newest matches of its
 * edition, up to a window; with a million stories in one edition, a word that edition is full of
 * must not make another edition's search read them all.
 * - SQLite: the FTS5 table indexes the edition too (it was an unindexed column, checked row by
 *   row after the match), so that a query matches `edition : "fr"` with its words inside the
 *   index. FTS5 cannot change a column in place: the rows are copied into a new table, which
 *   takes the old one's name, in the migration's transaction.
 * - PostgreSQL: the index on the edition also orders by key, so that the planner can walk an
 *   edition's newest rows when a word is common, and the GIN index when it is rare.
 */
export const searchByEditionMigration: Migration = {
  async up(db: Kysely<any>) {
    if (dialectOf(db) === 'postgres') {
      await sql`drop index articles_search_edition_idx`.execute(db);
      await sql`create index articles_search_edition_key_idx on articles_search (edition, search_rowid)`.execute(db);
      return;
    }
    await sql`create virtual table articles_fts_by_edition using fts5(
      article_id unindexed, edition, headline, standfirst, body, tags, slug,
      tokenize = 'unicode61 remove_diacritics 0'
    )`.execute(db);
    await sql`insert into articles_fts_by_edition (rowid, article_id, edition, headline, standfirst, body, tags, slug)
      select rowid, article_id, edition, headline, standfirst, body, tags, slug from articles_fts`.execute(db);
    await sql`drop table articles_fts`.execute(db);
    await sql`alter table articles_fts_by_edition rename to articles_fts`.execute(db);
  },
};
