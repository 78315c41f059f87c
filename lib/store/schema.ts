import type { ListKind, StoredStatus } from '../domain/stories';
import type { Generated, Kysely } from 'kysely';

/** Table shapes as Kysely sees them. Columns are snake_case; times are epoch milliseconds. */

export type ArticlesTable = {
  id: string;
  edition: string;
  section: string;
  slug: string;
  /** `yyyymmdd` of first publication in the edition's time zone: part of the URL. */
  path_date: string;
  headline: string;
  standfirst: string;
  /** ISO 8601 with the zone the newsroom gave. */
  published_at: string;
  published_ts: number;
  updated_at: string | null;
  /** updated_at, or published_at when never updated: what sitemaps call lastmod. */
  modified_ts: number;
  /** `scheduled`: published with a time still ahead; `draft`: never public (migration 013). */
  status: StoredStatus;
  /** 1 for a live story: it carries timestamped updates. */
  live: number;
  /** The card image, JSON: what lists need without reading the whole story. */
  main_image: string;
  /** The whole validated article, JSON. */
  document: string;
  stored_ts: number;
  /** Stories that translate one another share a group (migration 012). */
  translation_group: string | null;
  /** A live story is live until this time unless an update moves it; null: not live now (migration 016). */
  live_until_ts: number | null;
};

type ArticlePreviousSlugsTable = {
  edition: string;
  slug: string;
  article_id: string;
};

type ArticleTagsTable = {
  article_id: string;
  edition: string;
  tag_slug: string;
  tag_name: string;
  position: number;
  published_ts: number;
  /** 1 while the story is published: tag pages list only these. */
  is_published: number;
};

type ArticleAuthorsTable = {
  article_id: string;
  edition: string;
  author_slug: string;
  author_name: string;
  position: number;
  published_ts: number;
  is_published: number;
};

type SectionsTable = {
  edition: string;
  slug: string;
  name: string;
  description: string;
  position: number;
  /** A section's counterparts in the other editions share it; null: the slug (migration 012). */
  section_group: string | null;
};

type LiveUpdatesTable = {
  article_id: string;
  id: string;
  published_at: string;
  published_ts: number;
  title: string | null;
  /** The update's body blocks, JSON. */
  blocks: string;
  stored_ts: number;
};

type SiteSettingsTable = { key: string; value: string };

type ArticleSearchKeysTable = { search_rowid: Generated<number>; article_id: string };

type SitemapMonthsTable = { edition: string; month: string; story_count: number; last_modified_ts: number };

/** Published stories per month in each section, tag and author list (migration 008). */
type ListMonthsTable = { edition: string; kind: ListKind; slug: string; month: string; story_count: number };

/** The same per UTC day (`2018-04-27`), for the walk inside a month (migration 015). */
type ListDaysTable = { edition: string; kind: ListKind; slug: string; day: string; story_count: number };

/** Failed publishing logins per client address, in a window (migration 010). */
type PublishAuthFailuresTable = { client: string; failures: number; window_start_ts: number };

/** Uploaded pictures, cleaned, by the hash of what is served (migration 013, decision 015). */
type MediaTable = {
  id: string;
  content_type: string;
  extension: string;
  width: number;
  height: number;
  byte_length: number;
  bytes: Uint8Array;
  suggested_credit: string | null;
  created_ts: number;
};

/** What editors set to lead a front ('' for the edition's home) and until when (migration 016). */
type FrontsTable = { edition: string; section: string; lead_id: string | null; top_ids: string; until_ts: number | null; set_ts: number };

/** An edition's breaking-news banner (migration 016). */
type BreakingNewsTable = { edition: string; text: string; story_id: string | null; until_ts: number | null; set_ts: number };

type CacheTagEventsTable = { seq: Generated<number>; tag: string; created_ts: number };

/** How far each edge cache has been purged, and who is purging it now (migration 017). */
type EdgePurgesTable = { edge: string; seq: number; lease_owner: string | null; lease_until_ts: number; purged_ts: number; failures: Generated<number> };

/** Video, audio and caption files, and the renditions made from them (migration 018). */
type MediaStreamsTable = {
  id: string;
  kind: 'video' | 'audio' | 'captions';
  content_type: string;
  extension: string;
  byte_length: number;
  chunk_size: number;
  duration_ms: number | null;
  width: number | null;
  height: number | null;
  poster: string | null;
  rendition_of: string | null;
  renditions: Generated<string>;
  rendition_state: Generated<string>;
  rendition_attempts: Generated<number>;
  rendition_error: string | null;
  lease_owner: string | null;
  lease_until_ts: Generated<number>;
  created_ts: number;
};
type MediaChunksTable = { stream_id: string; n: number; bytes: Uint8Array };

/** A version of a story that a later write replaced; `document` null once redacted (migration 019). */
type ArticleVersionsTable = {
  article_id: string;
  n: number;
  edition: string;
  status: StoredStatus;
  is_public: number;
  version_at: string;
  version_ts: number;
  replaced_ts: number;
  document: string | null;
  redacted_reason: string | null;
  redacted_ts: number | null;
};

/** Each correction of each story, for the edition's corrections page and feeds (migration 019). */
/** Who was counted for a story today, as salted hashes; and views per story per UTC hour (migration 020). */
type StoryViewReadersTable = { day: string; story_id: string; reader: string; address: string };
type StoryViewHoursTable = { story_id: string; edition: string; hour_ts: number; views: number };

type ArticleCorrectionsTable = { article_id: string; edition: string; at: string; at_ts: number; text: string; is_published: number };

export type Database = {
  articles: ArticlesTable;
  article_previous_slugs: ArticlePreviousSlugsTable;
  article_tags: ArticleTagsTable;
  article_authors: ArticleAuthorsTable;
  sections: SectionsTable;
  live_updates: LiveUpdatesTable;
  site_settings: SiteSettingsTable;
  cache_tag_events: CacheTagEventsTable;
  edge_purges: EdgePurgesTable;
  sitemap_months: SitemapMonthsTable;
  list_months: ListMonthsTable;
  list_days: ListDaysTable;
  article_search_keys: ArticleSearchKeysTable;
  publish_auth_failures: PublishAuthFailuresTable;
  media: MediaTable;
  media_streams: MediaStreamsTable;
  media_chunks: MediaChunksTable;
  fronts: FrontsTable;
  breaking_news: BreakingNewsTable;
  article_versions: ArticleVersionsTable;
  article_corrections: ArticleCorrectionsTable;
  story_view_readers: StoryViewReadersTable;
  story_view_hours: StoryViewHoursTable;
};

/** The store as the repository's modules use it: a transaction or the whole database. */
export type Db = Kysely<Database>;
