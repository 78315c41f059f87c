import type { EditionId } from '../../domain/editions';
import type { TermQuery } from '../../domain/search-text';
import type { Db, SummaryRow } from '../rows';

/**
 * What each store's search engine (sqlite.ts: FTS5; postgres.ts: a tsvector) does for
 * index.ts, which picks one by dialect: the contract between them, apart from both.
 */

/** What a store is asked: terms already normalised, every one required (`all`) or any. */
export type StoreSearchQuery = { edition: EditionId; terms: TermQuery; all: boolean; limit: number; offset: number; withDocument: boolean; window: number };

/** `total`: matches ranked, at most the window; `more`: more stories than that match. */
/** What one row of the index holds: the story's search terms, by field. */
export type SearchDocument = { edition: EditionId; headline: string; standfirst: string; body: string; tags: string; slug: string };

/** `document`: the story's stored JSON when asked for (withDocument), else null. */
export type StoreHitRow = SummaryRow & { document: string | null };

export interface StoreSearch {
  /** Replaces a story's row in the index (key: its integer search key); `document` null removes it. */
  index(trx: Db, key: number, articleId: string, document: SearchDocument | null): Promise<void>;
  /** Adds rows for keys the index does not hold yet, many per statement. */
  indexMany(trx: Db, rows: { key: number; articleId: string; document: SearchDocument }[]): Promise<void>;
  search(db: Db, query: StoreSearchQuery): Promise<{ rows: StoreHitRow[]; total: number }>;
  /** How many stories match, counting no further than one past the window. */
  count(db: Db, query: StoreSearchQuery): Promise<number>;
}
