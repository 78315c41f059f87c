import { sql } from 'kysely';
import type { Db } from '../rows';
import type { StoreHitRow, StoreSearch, StoreSearchQuery } from './engine';

/**
 * PostgreSQL: the table `articles_search` with a weighted tsvector of the terms of
 * lib/domain/search-text.ts (configuration `simple`: no rules of its own), ranked by ts_rank.
 */

function tsquery(query: StoreSearchQuery): string {
  return query.terms.map(({ term, prefix }) => (prefix ? `'${term}':*` : `'${term}'`)).join(query.all ? ' & ' : ' | ');
}

export const postgresSearch: StoreSearch = {
  async index(trx: Db, key, _articleId, document) {
    await sql`delete from articles_search where search_rowid = ${key}`.execute(trx);
    if (!document) return;
    await sql`insert into articles_search (search_rowid, edition, headline, standfirst, body, tags, slug)
      values (${key}, ${document.edition}, ${document.headline}, ${document.standfirst}, ${document.body}, ${document.tags}, ${document.slug})`.execute(trx);
  },

  async indexMany(trx: Db, rows) {
    const values = rows.map(({ key, document: d }) => sql`(${key}, ${d.edition}, ${d.headline}, ${d.standfirst}, ${d.body}, ${d.tags}, ${d.slug})`);
    await sql`insert into articles_search (search_rowid, edition, headline, standfirst, body, tags, slug) values ${sql.join(values)}`.execute(trx);
  },

  async search(db: Db, query: StoreSearchQuery) {
    const q = tsquery(query);
    // The newest matches (highest keys) up to the window, ranked among themselves: the planner
    // walks the key index backwards for a word most stories have, the GIN index for a rare one.
    const { rows } = await sql<StoreHitRow>`
      with hits as (
        select s.search_rowid, ts_rank('{0.1, 0.2, 0.4, 1.0}', s.document, q) as score
        from articles_search s
        cross join to_tsquery('simple', ${q}) q
        where s.document @@ q and s.edition = ${query.edition}
        order by s.search_rowid desc
        limit ${query.window}
      ),
      page as (select search_rowid, score from hits order by score desc, search_rowid desc limit ${query.limit} offset ${query.offset})
      select a.id, a.edition, a.section, a.slug, a.headline, a.standfirst, a.published_at, a.updated_at, a.main_image, a.live_until_ts,
        ${query.withDocument ? sql`a.document` : sql`null`} as document
      from page
      join article_search_keys k on k.search_rowid = page.search_rowid
      join articles a on a.id = k.article_id
      order by page.score desc, page.search_rowid desc`.execute(db);
    return { rows, total: await postgresSearch.count(db, query) };
  },

  async count(db: Db, query: StoreSearchQuery) {
    const { rows } = await sql<{ total: number }>`
      select count(*) as total from (
        select 1 from articles_search s
        where s.document @@ to_tsquery('simple', ${tsquery(query)}) and s.edition = ${query.edition}
        limit ${query.window + 1}
      ) matches`.execute(db);
    return Number(rows[0]?.total ?? 0);
  },
};
