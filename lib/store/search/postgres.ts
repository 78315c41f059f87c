import { sql } from 'kysely';
import { highlightEnd, highlightStart } from '../../domain/stories';
import { toSummary, type Db, type SummaryRow } from '../rows';
import type { SearchQuery, StoreSearch } from './index';

/**
 * PostgreSQL: the table `articles_search` with a weighted tsvector in the text search
 * configuration `newsroom_english` (unaccented, English stemming), ranked by ts_rank.
 */

type HitRow = SummaryRow & { marked_headline: string; marked_snippet: string };

function tsquery(query: SearchQuery): string {
  return query.terms.words.map(({ word, prefix }) => (prefix ? `${word}:*` : word)).join(query.terms.all ? ' & ' : ' | ');
}

export const postgresSearch: StoreSearch = {
  async index(trx: Db, key, _articleId, document) {
    await sql`delete from articles_search where search_rowid = ${key}`.execute(trx);
    if (!document) return;
    await sql`insert into articles_search (search_rowid, edition, headline, standfirst, body, tags, slug)
      values (${key}, ${document.edition}, ${document.headline}, ${document.standfirst}, ${document.body}, ${document.tags}, ${document.slug})`.execute(trx);
  },

  async search(db: Db, query: SearchQuery) {
    const q = tsquery(query);
    const marks = `StartSel=${highlightStart}, StopSel=${highlightEnd}`;
    const { rows } = await sql<HitRow>`
      select a.id, a.edition, a.section, a.slug, a.headline, a.standfirst, a.published_at, a.updated_at, a.main_image,
        ts_headline('newsroom_english', s.headline, q, ${`${marks}, HighlightAll=true`}) as marked_headline,
        ts_headline('newsroom_english', case when s.body <> '' then s.body else s.standfirst end, q,
          ${`${marks}, MaxWords=28, MinWords=12, ShortWord=2, MaxFragments=1, FragmentDelimiter=…`}) as marked_snippet
      from articles_search s
      cross join to_tsquery('newsroom_english', ${q}) q
      join article_search_keys k on k.search_rowid = s.search_rowid
      join articles a on a.id = k.article_id
      where s.document @@ q and s.edition = ${query.edition}
      order by ts_rank('{0.1, 0.2, 0.4, 1.0}', s.document, q) desc, a.published_ts desc, a.id desc
      limit ${query.limit} offset ${query.offset}`.execute(db);
    const count = await sql<{ total: number }>`
      select count(*) as total from articles_search s
      where s.document @@ to_tsquery('newsroom_english', ${q}) and s.edition = ${query.edition}`.execute(db);
    return {
      hits: rows.map((row) => ({ ...toSummary(row), markedHeadline: row.marked_headline, markedSnippet: row.marked_snippet })),
      total: Number(count.rows[0]?.total ?? 0),
    };
  },
};
