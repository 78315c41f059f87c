import { getEdition, isEditionId, type EditionId } from './editions';
import { isNameSlug, slugPattern } from './slug';
import { parseArticleSegment } from './reader-paths';
import { apiPrefix, liteRoutePrefix, liteSuffix, pathSegments, viewBeaconPrefix } from './url-grammar.mjs';

import type { ListKind, ListPosition } from './lists';

export { firstSegment, pageRequestKey, pathSegments } from './url-grammar.mjs';

/**
 * Every path of the site, built here and nowhere else: stories, fronts, lists and their pages,
 * tags, authors, search, feeds, sitemaps, pictures and the API. Pages, feeds, sitemaps,
 * structured data and the browser islands all ask this module, so that a change of address,
 * and the percent-encoding of non-Latin slugs (`pathSegment`), happen in one place.
 *
 * How a request's URL is read (its path and query, its segments, the one name of a page
 * request) is lib/domain/url-grammar.mjs, re-exported here: the HTTP front reads it too.
 *
 * Article URLs are `/{edition}/{section}/{yyyymmdd}-{slug}`, the date being the day of first
 * publication in the newsroom's time zone (so a story filed at 00:30 in Paris carries Paris's date).
 */

export type ArticleLocator = {
  edition: EditionId;
  section: string;
  /** `yyyymmdd` */
  date: string;
  slug: string;
};

const dateFormatters = new Map<string, Intl.DateTimeFormat>();

/** The `yyyymmdd` of an instant, read in the edition's time zone. */
export function pathDate(edition: EditionId, publishedAt: string): string {
  const { timeZone } = getEdition(edition);
  let formatter = dateFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(new Date(publishedAt));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}${part('month')}${part('day')}`;
}

export function articlePath(article: { edition: EditionId; section: string; slug: string; publishedAt: string }): string {
  return `/${article.edition}/${article.section}/${pathDate(article.edition, article.publishedAt)}-${article.slug}`;
}

export { offlinePath, parseArticleSegment, savedPath } from './reader-paths';

/** The last segment of a story's history (issue 32): its address with `/history` appended. */
export const historySegment = 'history';

/** A story's history for readers: its versions and what changed between them. */
export const storyHistoryPath = (article: { edition: EditionId; section: string; slug: string; publishedAt: string }) =>
  `${articlePath(article)}/${historySegment}`;

/** An edition's corrections, newest first (issue 32). */
export const correctionsPath = (edition: string) => `/${edition}/corrections`;

/** The feeds of an edition's corrections: RSS and Atom. */
export const correctionsFeedPath = (edition: string, format: 'rss' | 'atom') => `/${edition}/feeds/corrections/${format}.xml`;

/** Reads `/{edition}/{section}/{yyyymmdd}-{slug}`; null for anything else. */
export function parseArticlePath(pathname: string): ArticleLocator | null {
  if (!pathname.startsWith('/')) return null;
  const segments = pathSegments(pathname);
  if (segments.length !== 3) return null;
  const [edition, section, last] = segments as [string, string, string];
  if (!isEditionId(edition) || !slugPattern.test(section)) return null;
  const parsed = parseArticleSegment(last);
  return parsed ? { edition, section, ...parsed } : null;
}

/**
 * First segments under an edition that belong to the site, not to a section: a section may
 * never take one of these slugs, or its front would be unreachable.
 */
const reservedEditionPaths = [
  'about',
  'search',
  'tag',
  'author',
  'unavailable',
  'lists',
  'feeds',
  'sitemaps',
  'api',
  'preview',
  'offline',
  'saved',
  'corrections',
] as const;

export function isReservedEditionPath(segment: string): boolean {
  return (reservedEditionPaths as readonly string[]).includes(segment);
}

/** The internal page that renders "not found" and "gone"; the proxy rewrites to it with the status. */
export const unavailablePath = (edition: string) => `/${edition}/unavailable`;

/**
 * A slug as it is written in a URL path: NFC, then percent-encoded (UTF-8, upper-case hex), so
 * that links, canonicals, alternates, sitemaps and feeds all spell a URL the same way. Latin
 * slugs come out as they went in.
 */
export const pathSegment = (slug: string) => encodeURIComponent(slug.normalize('NFC'));

/**
 * A tag's or author's slug read back from a URL path segment: `{ slug }` when the segment is
 * written as pathSegment writes it, `{ slug, canonical }` when it names the same slug written
 * another way (lower-case hex, unencoded, decomposed letters: the reader gets one redirect to
 * `canonical`), null when it cannot be a slug.
 */
export function readNameSegment(segment: string): { slug: string; canonical?: string } | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    return null;
  }
  const slug = decoded.normalize('NFC');
  if (!isNameSlug(slug)) return null;
  const canonical = pathSegment(slug);
  return canonical === segment ? { slug } : { slug, canonical };
}

/** A list's slug as a route receives it (Next may hand it over encoded or decoded). */
export function slugFromParam(param: string): string {
  if (!param.includes('%')) return param.normalize('NFC');
  try {
    return decodeURIComponent(param).normalize('NFC');
  } catch {
    return param;
  }
}

/**
 * Where the proxy sends a section, tag or author page to be rendered: the page number moves
 * from the query string into the path, so that each page is a cacheable route of its own, and
 * so does where the page starts, which the proxy has just looked up to know the page exists:
 * the page reads its stories from there without walking the list a second time.
 */
export const listPagePath = (edition: string, kind: ListKind, slug: string, page: number, start: ListPosition | null) =>
  `/${edition}/lists/${kind}/${pathSegment(slug)}/${page}/${start ? `${start.publishedTs}~${start.id}` : 'top'}`;

/** The start segment of a list page's internal path, read back; undefined when malformed. */
export function parseListPageStart(segment: string): ListPosition | null | undefined {
  if (segment === 'top') return null;
  // Stories may predate 1970: the time can be negative.
  const match = /^(-?\d{1,15})~([a-z0-9][a-z0-9-]{2,99})$/.exec(segment);
  return match ? { publishedTs: Number(match[1]), id: match[2]! } : undefined;
}

/** The public URL of that list page. */
export const publicListPath = (edition: string, kind: ListKind, slug: string) =>
  kind === 'section' ? `/${edition}/${slug}` : `/${edition}/${kind}/${pathSegment(slug)}`;

/** The URL of page `page` of the list at `path`. */
export function pageHref(path: string, page: number): string {
  return page <= 1 ? path : `${path}?page=${page}`;
}

/** An edition's home front. */
export const editionPath = (edition: string) => `/${edition}`;

/** A section front. */
export const sectionPath = (edition: string, section: string) => publicListPath(edition, 'section', section);

/** A tag page, from the tag's slug. */
export const tagPath = (edition: string, tagSlug: string) => publicListPath(edition, 'tag', tagSlug);

/** An author page. */
export const authorPath = (edition: string, authorSlug: string) => publicListPath(edition, 'author', authorSlug);

export const aboutPath = (edition: string) => `/${edition}/about`;
/** A signed preview of a draft or scheduled story (decision 015): never linked from a public page. */
export const previewPath = (edition: string, token: string) => `/${edition}/preview/${token}`;
/** An uploaded picture (decision 015). */
export const mediaPath = (id: string, extension: string) => `/media/${id}.${extension}`;

/** A picture through Next's image optimizer at one width (its default loader's address): a video's poster, which takes one address, not a srcset. */
export const optimizedImagePath = (src: string, width: number, quality: number) => `/_next/image?url=${encodeURIComponent(src)}&w=${width}&q=${quality}`;

/** The search page; with a query, its results (page 1 carries no page number). */
export function searchPath(edition: string, query?: { q: string; page?: number }): string {
  if (!query) return `/${edition}/search`;
  return `/${edition}/search?${new URLSearchParams({ q: query.q, ...(query.page && query.page > 1 ? { page: String(query.page) } : {}) })}`;
}

/** Where an edition's (or a section's) feeds live: `{base}/rss.xml` and `{base}/atom.xml`. */
const feedBase = (edition: string, section?: string) => (section ? `/${edition}/feeds/${section}` : `/${edition}/feeds`);

export const feedPath = (edition: string, format: 'rss' | 'atom', section?: string) => `${feedBase(edition, section)}/${format}.xml`;

/** The sitemap index of the whole site. */
export const sitemapIndexPath = '/sitemap.xml';

/** One sitemap of an edition: `news.xml`, `pages.xml`, `stories-2018-04.xml`… */
export const sitemapPath = (edition: string, file: string) => `/sitemaps/${edition}/${file}`;

/** A fixed-ratio crop of a local or uploaded picture (`/images/...`, `/media/...`), for structured data; null for a remote picture. */
export const cropPath = (image: { src: string }, ratio: string) =>
  image.src.startsWith('/images/') || image.src.startsWith('/media/') ? `/media/crop/${ratio}${image.src}` : null;

/** The public JSON API. */
export const api = {
  /** Everything under it: kept out of robots' crawl, passed through the proxy untouched. */
  prefix: apiPrefix,
  articles: (query?: URLSearchParams) => `/api/v1/articles${query?.toString() ? `?${query}` : ''}`,
  article: (id: string) => `/api/v1/articles/${encodeURIComponent(id)}`,
  /** A story's versions, for editors (issue 32). */
  versions: (id: string) => `/api/v1/articles/${encodeURIComponent(id)}/versions`,
  /** A story's views per hour, for editors (issue 32). */
  views: (id: string) => `/api/v1/articles/${encodeURIComponent(id)}/views`,
  /** Where a story's page says it was read: the beacon (issue 32). */
  view: (id: string) => `${viewBeaconPrefix}${encodeURIComponent(id)}`,
  /** The redaction of one version of a story, for a legal reason. */
  redaction: (id: string, n: number) => `/api/v1/articles/${encodeURIComponent(id)}/versions/${n}/redaction`,
  liveUpdates: (id: string, after?: string | null) => `/api/v1/articles/${encodeURIComponent(id)}/updates${after ? `?${new URLSearchParams({ after })}` : ''}`,
  /** What editors set to lead an edition's home, or a section's front (decision 019). */
  front: (edition: string, section?: string) => `/api/v1/fronts/${encodeURIComponent(edition)}${section ? `/${encodeURIComponent(section)}` : ''}`,
  /** An edition's breaking-news banner. */
  breaking: (edition: string) => `/api/v1/breaking/${encodeURIComponent(edition)}`,
  health: '/api/health',
  ready: '/api/ready',
} as const;

/** The same page in one edition: a translated story, a section's counterpart, an edition's home. */
export type EditionAlternate = { edition: EditionId; path: string; headline?: string; publishedAt?: string };

/** Pages every edition has at one address pattern: the homes, about, search. */
export function everyEdition(path: (edition: EditionId) => string, editions: readonly EditionId[]): EditionAlternate[] {
  return editions.map((edition) => ({ edition, path: path(edition) }));
}

export { fullPathOfLite, savesData } from './url-grammar.mjs';

/**
 * A reader page's lite version (issue 31): `.lite` appended to the path, the query kept.
 * `/en/europe?page=2` → `/en/europe.lite?page=2`. Only a path of a reader page has one.
 */
export function litePath(href: string): string {
  const at = href.search(/[?#]/);
  const [path, rest] = at === -1 ? [href, ''] : [href.slice(0, at), href.slice(at)];
  return `${path}${liteSuffix}${rest}`;
}

/** The internal route that renders a lite page for a full page's target (the proxy rewrites to it). */
export const liteRoutePath = (fullTarget: string) => `${liteRoutePrefix}${fullTarget}`;

/**
 * Whether a same-site path is a reader page, which has a lite version: anything under an
 * edition but its feeds, an editor's preview, the internal not-found route and the pages the
 * service worker fills from the reader's own device (offline, saved).
 */
export function hasLiteVersion(path: string): boolean {
  if (!path.startsWith('/') || path.startsWith('//')) return false;
  const [edition = '', second = ''] = pathSegments(path.replace(/[?#].*$/, ''));
  return (
    isEditionId(edition) &&
    !['feeds', 'preview', 'unavailable', 'lists', 'offline', 'saved'].includes(second) &&
    !/\.(xml|lite)$/.test(path.replace(/[?#].*$/, ''))
  );
}

/** An edition's web app manifest (issue 31). */
export const manifestPath = (edition: string) => `/${edition}/manifest.webmanifest`;
