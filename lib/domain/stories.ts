import type { ArticleImage, ArticleStatus, LiveUpdate } from './article-schema';
import type { EditionId } from './editions';

/**
 * What the store answers about stories, in the shapes every layer above it uses: a story as a
 * list shows it, a position in a list, what a URL resolves to, search hits, sitemap entries.
 */

export type ArticleSummary = {
  id: string;
  edition: EditionId;
  section: string;
  slug: string;
  path: string;
  headline: string;
  standfirst: string;
  publishedAt: string;
  updatedAt: string | null;
  image: ArticleImage;
  /** A live story whose updates have not stopped: it carries the live badge wherever it is listed. */
  live: boolean;
};

export { isListKind, type CarriedListKind, type ListKind, type ListPosition } from './lists';
import type { ListKind, ListPosition } from './lists';

/** Which stories a list holds: an edition's, or one section's, tag's or author's. */
export type StoryFilter = { kind: 'edition' } | { kind: ListKind; slug: string };

export type ArticleListPage = { items: ArticleSummary[]; next: ListPosition | null };

export type ArticleUrlResolution = { kind: 'found'; id: string } | { kind: 'moved'; path: string } | { kind: 'gone' } | { kind: 'missing' };

export type SearchHit = ArticleSummary & {
  /** The headline with matches wrapped in the highlight markers. */
  markedHeadline: string;
  /** A passage of the body (or the standfirst) around the matches, marked the same way. */
  markedSnippet: string;
};

/** Wrap matched words: private control characters, turned into <mark> when rendered (never HTML). */
export const highlightStart = '\u0002';
export const highlightEnd = '\u0003';

/** One month of published stories (UTC), for the sitemap index. */
export type SitemapMonth = { month: string; count: number; lastModifiedTs: number };

/** `alternates`: the story in every edition of its translation group (itself included); empty when it has none. */
export type SitemapEntry = {
  path: string;
  lastModifiedTs: number;
  image: ArticleImage;
  headline: string;
  publishedAt: string;
  alternates: { edition: EditionId; path: string }[];
  /** The story's videos, for the video sitemap extension (decision 025); empty for most stories. */
  videos?: SitemapVideo[];
};

/** One `<video:video>`: paths of this site, a length in seconds. */
export type SitemapVideo = { thumbnail: string; title: string; description: string; content: string; durationSeconds: number; publishedAt: string };

/** The UTC month of an instant, as the sitemaps and list counts group stories: `2018-04`. */
export function sitemapMonth(ts: number): string {
  return new Date(ts).toISOString().slice(0, 7);
}

/** The UTC day (`2018-04-27`) a story was published on, as the lists' daily counts key it. */
export function storyDay(ts: number): string {
  return new Date(ts).toISOString().slice(0, 10);
}

/** The first instant of a UTC day (`2018-04-27`) and of the day after it. */
export function dayBounds(day: string): { start: number; end: number } {
  const start = Date.parse(`${day}T00:00:00Z`);
  return { start, end: start + 86_400_000 };
}

/** The first instant of a UTC month (`2018-04`) and of the month after it. */
export function monthBounds(month: string): { start: number; end: number } {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return { start: Date.UTC(year, monthNumber - 1, 1), end: Date.UTC(year, monthNumber, 1) };
}

export type LiveUpdateEntry = LiveUpdate & { articleId: string };

/** Where a story stands, for the API: whether it is published, live, and its address. */
export type ArticleState = { status: StoredStatus; live: boolean; edition: EditionId; path: string };

/**
 * Where a stored story stands: what the editor asked for (`published`, `draft`, `withdrawn`),
 * except that a published story whose time is still ahead is `scheduled` until then.
 */
export type StoredStatus = ArticleStatus | 'scheduled';

/** How long a live story stays live after its newest update when it names no window (`liveWindowMinutes`). */
const defaultLiveWindowMinutes = 12 * 60;

/**
 * Until when a story is live: its window after its newest update, or after its publication
 * before the first; null when it is not a live story, not published, or its window has closed.
 */
export function liveUntilTs(
  article: { live: boolean; liveWindowMinutes?: number; publishedAt: string },
  published: boolean,
  newestUpdateTs: number,
  now = Date.now(),
): number | null {
  if (!article.live || !published) return null;
  const until = Math.max(Date.parse(article.publishedAt), newestUpdateTs) + (article.liveWindowMinutes ?? defaultLiveWindowMinutes) * 60_000;
  return until > now ? until : null;
}

/** How many of the newest stories a feed carries. */
export const feedSize = 30;

/** A story as a feed carries it: its bylines, and its picture as the file a reader may fetch. */
export type FeedStory = ArticleSummary & {
  authors: { name: string; slug: string }[];
  /** null: no picture whose type and length we know (one from another host). */
  enclosure: { url: string; type: string; length: number } | null;
};

/** A correction as the corrections page and feeds show it (issue 32): what it says, when, and the story it corrects. */
export type EditionCorrection = { at: string; text: string; story: { id: string; path: string; headline: string } };
