import { sql } from 'kysely';
import type { Db } from '../rows';
import type { StoreHitRow, StoreSearch, StoreSearchQuery } from './engine';

/**
 * SQLite: the FTS5 table `articles_fts` (unicode61, the terms of lib/domain/search-text.ts, and
 * the edition). Ranked by where the words are, not by BM25: FTS5's BM25 weighs each word by how
 * many stories carry it, which it counts by reading every entry of the word (and of the
 * edition) on every query — 30–100 ms at a million stories for a word most stories have
 * (decision 017). Here each story of the window is weighed by the fields its words are in,
 * which FTS5's highlight() tells from that story's own entry.
 */

const quote = (word: string) => `"${word.replaceAll('"', '""')}"`;

/** The edition's stories (the edition is indexed too: migration 014), with every word or any. */
function matchExpression(query: StoreSearchQuery): string {
  const words = query.terms.map(({ term, prefix }) => (prefix ? `${quote(term)}*` : quote(term))).join(query.all ? ' AND ' : ' OR ');
  return `edition : ${quote(query.edition)} AND (${words})`;
}

/** A match in the headline weighs 10, standfirst 4, tags 3, slug 2 (columns 2, 3, 5, 6; the body, 4, weighs nothing more). */
const score = sql.raw(
  [
    [2, 10],
    [3, 4],
    [5, 3],
    [6, 2],
  ]
    .map(([column, weight]) => `${weight} * (instr(highlight(articles_fts, ${column}, char(1), ''), char(1)) > 0)`)
    .join(' + '),
);

export const sqliteSearch: StoreSearch = {
  async index(trx: Db, key, articleId, document) {
    await sql`delete from articles_fts where rowid = ${key}`.execute(trx);
    if (!document) return;
    await sql`insert into articles_fts (rowid, article_id, edition, headline, standfirst, body, tags, slug)
      values (${key}, ${articleId}, ${document.edition}, ${document.headline}, ${document.standfirst}, ${document.body}, ${document.tags}, ${document.slug})`.execute(
      trx,
    );
  },

  async indexMany(trx: Db, rows) {
    const values = rows.map(
      ({ key, articleId, document: d }) => sql`(${key}, ${articleId}, ${d.edition}, ${d.headline}, ${d.standfirst}, ${d.body}, ${d.tags}, ${d.slug})`,
    );
    await sql`insert into articles_fts (rowid, article_id, edition, headline, standfirst, body, tags, slug) values ${sql.join(values)}`.execute(trx);
  },

  async search(db: Db, query: StoreSearchQuery) {
    const match = matchExpression(query);
    // The newest matches (the index walks its keys backwards and stops one past the window, to
    // tell whether there are more), weighed; best match first, the newer indexed first among
    // equals; the page's stories joined last. One walk of the index serves the count as well.
    // CROSS JOIN keeps that order in SQLite: on small or freshly analysed tables its planner
    // otherwise scanned every story and looked each up in the page (query-plans.test.ts).
    const { rows } = await sql<StoreHitRow & { total: number }>`
      with hits as materialized (
        select rowid, ${score} as score from articles_fts
        where articles_fts match ${match}
        order by rowid desc
        limit ${query.window + 1}
      ),
      ranked as (select rowid, score from hits order by rowid desc limit ${query.window}),
      page as (select rowid, score from ranked order by score desc, rowid desc limit ${query.limit} offset ${query.offset})
      select a.id, a.edition, a.section, a.slug, a.headline, a.standfirst, a.published_at, a.updated_at, a.main_image, a.live_until_ts,
        ${query.withDocument ? sql`a.document` : sql`null`} as document, (select count(*) from hits) as total
      from page
      cross join article_search_keys k on k.search_rowid = page.rowid
      cross join articles a on a.id = k.article_id
      order by page.score desc, page.rowid desc`.execute(db);
    if (rows.length > 0) return { rows: rows.map(({ total: _, ...row }) => row), total: Number(rows[0]!.total) };
    // A page past the last: how many there are, for the page to say so.
    return { rows: [], total: await sqliteSearch.count(db, query) };
  },

  async count(db: Db, query: StoreSearchQuery) {
    const { rows } = await sql<{ total: number }>`
      select count(*) as total from (select 1 from articles_fts where articles_fts match ${matchExpression(query)} limit ${query.window + 1})`.execute(db);
    return Number(rows[0]?.total ?? 0);
  },
};
