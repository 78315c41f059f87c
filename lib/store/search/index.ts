import type { Article } from '../../domain/article-schema';
import { bodyText } from '../../domain/article-text';
import type { EditionId } from '../../domain/editions';
import type { SearchTerms } from '../../domain/search-query';
import type { SearchHit } from '../../domain/stories';
import { dialectOf } from '../dialect';
import type { Db } from '../rows';
import { postgresSearch } from './postgres';
import { sqliteSearch } from './sqlite';

/**
 * Full-text search among published stories, best match first (headline weighted most), newer
 * first among equals. One implementation per SQL dialect behind one interface: SQLite's FTS5
 * with BM25, PostgreSQL's weighted tsvector with ts_rank. Queries are built from plain words
 * (lib/domain/search-query.ts), never from reader input.
 */

export type SearchQuery = { edition: EditionId; terms: SearchTerms; limit: number; offset: number };

/** What one row of the index holds: the story's searchable text, by field. */
type SearchDocument = { edition: EditionId; headline: string; standfirst: string; body: string; tags: string; slug: string };

export interface StoreSearch {
  /** Replaces a story's row in the index (key: its integer search key); `document` null removes it. */
  index(trx: Db, key: number, articleId: string, document: SearchDocument | null): Promise<void>;
  search(db: Db, query: SearchQuery): Promise<{ hits: SearchHit[]; total: number }>;
}

const searchOf = (db: Db): StoreSearch => (dialectOf(db) === 'postgres' ? postgresSearch : sqliteSearch);

export async function searchArticles(db: Db, query: SearchQuery): Promise<{ hits: SearchHit[]; total: number }> {
  if (query.terms.words.length === 0) return { hits: [], total: 0 };
  return searchOf(db).search(db, query);
}

/**
 * Keeps the full-text index in step: a published story is indexed, a withdrawn one is not.
 * Its search row is addressed by the story's integer key, through the index's rowid.
 */
export async function indexForSearch(trx: Db, article: Article): Promise<void> {
  await trx
    .insertInto('article_search_keys')
    .values({ article_id: article.id })
    .onConflict((oc) => oc.column('article_id').doNothing())
    .execute();
  const { search_rowid: key } = await trx
    .selectFrom('article_search_keys')
    .select('search_rowid')
    .where('article_id', '=', article.id)
    .executeTakeFirstOrThrow();
  const document: SearchDocument | null =
    article.status === 'published'
      ? {
          edition: article.edition,
          headline: article.headline,
          standfirst: article.standfirst,
          body: bodyText(article),
          tags: article.tags.join(' '),
          slug: article.slug.replaceAll('-', ' '),
        }
      : null;
  await searchOf(trx).index(trx, key, article.id, document);
}
