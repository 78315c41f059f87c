import type { Article } from '../../domain/article-schema';
import { bodyText } from '../../domain/article-text';
import { getEdition, type EditionId } from '../../domain/editions';
import type { SearchTerms } from '../../domain/search-query';
import { markMatches, searchTerm, searchTermsOf, snippet, type SearchLanguage, type TermQuery } from '../../domain/search-text';
import type { SearchHit } from '../../domain/stories';
import { dialectOf } from '../dialect';
import { readArticleDocument, toSummary, type Db } from '../rows';
import type { SearchDocument, StoreSearch, StoreSearchQuery } from './engine';
import { postgresSearch } from './postgres';
import { sqliteSearch } from './sqlite';

/**
 * Full-text search among published stories: the newest matches of the edition, up to a window
 * (decision 017), best match first (headline weighted most), the newer indexed first among
 * equals. Both stores index the same terms, made by one normaliser of ours in the story's
 * language (lib/domain/search-text.ts), and are asked with terms made the same way: SQLite's
 * FTS5 weighs the fields a story's words are in, PostgreSQL's weighted tsvector (configuration
 * `simple`) ranks with ts_rank. Headlines and snippets are marked here, from the stories' own
 * text, for both.
 */

/**
 * How many of the newest matches are ranked (decision 017): a word a million stories carry
 * costs what a word a thousand carry. Beyond it, a reader is told there are more.
 */
const searchWindow = 1000;

/**
 * `snippets: false`: headlines only (not-found suggestions show no passage): the stories' bodies
 * are not read. `window`: how many of the newest matches are ranked (searchWindow).
 */
export type SearchQuery = { edition: EditionId; terms: SearchTerms; limit: number; offset: number; snippets?: boolean; window?: number };

export type SearchResult = { hits: SearchHit[]; total: number; more: boolean };

const searchOf = (db: Db): StoreSearch => (dialectOf(db) === 'postgres' ? postgresSearch : sqliteSearch);

/** The rules a story is indexed and searched by: its edition's language. */
const languageOf = (edition: EditionId): SearchLanguage => getEdition(edition).lang;

export async function searchArticles(db: Db, query: SearchQuery): Promise<SearchResult> {
  const language = languageOf(query.edition);
  const terms: TermQuery = query.terms.words
    .map(({ word, prefix }) => ({ term: searchTerm(word, language), prefix }))
    .filter(({ term }) => /^[\p{L}\p{N}]+$/u.test(term));
  if (terms.length === 0) return { hits: [], total: 0, more: false };
  const withDocument = query.snippets !== false;
  const window = query.window ?? searchWindow;
  const asked = (withTerms: TermQuery): StoreSearchQuery => ({
    edition: query.edition,
    terms: withTerms,
    all: query.terms.all,
    limit: query.limit,
    offset: query.offset,
    withDocument,
    window,
  });
  // A word typed to its end that fills the window on its own is not also read as the start of
  // longer words: a prefix makes either store read every entry of every word it starts (decision 017).
  // Counting the whole words first costs one walk of the index, stopped one past the window.
  const whole = terms.map(({ term }) => ({ term, prefix: false }));
  const readAsPrefix = terms.some(({ prefix }) => prefix) && (await searchOf(db).count(db, asked(whole))) <= window;
  const { rows, total } = await searchOf(db).search(db, asked(readAsPrefix ? terms : whole));
  const hits = rows.map((row) => {
    const body = row.document ? bodyText(readArticleDocument(row.document)) : '';
    return {
      ...toSummary(row),
      markedHeadline: markMatches(row.headline, language, terms),
      markedSnippet: withDocument ? snippet(body.trim() ? body : row.standfirst, language, terms) : '',
    };
  });
  return { hits, total: Math.min(total, window), more: total > window };
}

/**
 * Makes a story's search terms ahead of its write, a few thousand characters at a time with
 * the event loop let go in between, so that the write itself (one transaction, which holds the
 * store) finds them made: stemming the largest story allowed, 100,000 characters of distinct
 * words, takes about 170 ms, which other readers must not wait for in one piece.
 */
export async function prepareSearchTerms(article: Article): Promise<void> {
  const language = languageOf(article.edition);
  let chunk = '';
  for (const line of [article.headline, article.standfirst, ...bodyText(article).split('\n')]) {
    chunk += `${line}\n`;
    if (chunk.length >= 8000) {
      searchTermsOf(chunk, language);
      chunk = '';
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
  searchTermsOf(chunk, language);
}

/**
 * Keeps the full-text index in step: a published story is indexed; a withdrawn, draft or
 * scheduled one is not (`published`: what its row says, decision 015).
 * Its search row is addressed by the story's integer key, through the index's rowid.
 */
export async function indexForSearch(trx: Db, article: Article, published: boolean): Promise<void> {
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
  await searchOf(trx).index(trx, key, article.id, published ? searchDocumentOf(article) : null);
}

/** A story's row in the index: its terms, by field, made in its edition's language. */
function searchDocumentOf(article: Article): SearchDocument {
  const language = languageOf(article.edition);
  return {
    edition: article.edition,
    headline: searchTermsOf(article.headline, language),
    standfirst: searchTermsOf(article.standfirst, language),
    body: searchTermsOf(bodyText(article), language),
    tags: searchTermsOf(article.tags.join(' '), language),
    slug: searchTermsOf(article.slug.replaceAll('-', ' '), language),
  };
}

/** Indexes published stories new to the store (an archive load): their keys and rows, many per statement. */
export async function indexNewStories(trx: Db, articles: Article[]): Promise<void> {
  if (articles.length === 0) return;
  const keys = await trx
    .insertInto('article_search_keys')
    .values(articles.map((article) => ({ article_id: article.id })))
    .returning(['search_rowid', 'article_id'])
    .execute();
  const keyOf = new Map(keys.map((row) => [row.article_id, Number(row.search_rowid)]));
  await searchOf(trx).indexMany(
    trx,
    articles.map((article) => ({ key: keyOf.get(article.id)!, articleId: article.id, document: searchDocumentOf(article) })),
  );
}
