import { sql } from 'kysely';
import type { Db } from '../rows';
import type { StoreHitRow, StoreSearch, StoreSearchQuery } from './index';

/** SQLite: the FTS5 table `articles_fts` (unicode61, the terms of lib/domain/search-text.ts), ranked by BM25. */

const quote = (word: string) => `"${word.replaceAll('"', '""')}"`;

function matchExpression(query: StoreSearchQuery): string {
  return query.terms.map(({ term, prefix }) => (prefix ? `${quote(term)}*` : quote(term))).join(query.all ? ' ' : ' OR ');
}

export const sqliteSearch: StoreSearch = {
  async index(trx: Db, key, articleId, document) {
    await sql`delete from articles_fts where rowid = ${key}`.execute(trx);
    if (!document) return;
    await sql`insert into articles_fts (rowid, article_id, edition, headline, standfirst, body, tags, slug)
      values (${key}, ${articleId}, ${document.edition}, ${document.headline}, ${document.standfirst}, ${document.body}, ${document.tags}, ${document.slug})`.execute(
      trx,
    );
  },

  async search(db: Db, query: StoreSearchQuery) {
    const match = matchExpression(query);
    const { rows } = await sql<StoreHitRow>`
      select a.id, a.edition, a.section, a.slug, a.headline, a.standfirst, a.published_at, a.updated_at, a.main_image,
        ${query.withDocument ? sql`a.document` : sql`null`} as document
      from articles_fts
      join article_search_keys k on k.search_rowid = articles_fts.rowid
      join articles a on a.id = k.article_id
      where articles_fts match ${match} and articles_fts.edition = ${query.edition}
      order by bm25(articles_fts, 0, 0, 10, 4, 1, 3, 2), a.published_ts desc, a.id desc
      limit ${query.limit} offset ${query.offset}`.execute(db);
    const count = await sql<{ total: number }>`
      select count(*) as total from articles_fts
      where articles_fts match ${match} and articles_fts.edition = ${query.edition}`.execute(db);
    return { rows, total: Number(count.rows[0]?.total ?? 0) };
  },
};
