import { defaultEditionId, editionIds, editions, isEditionId, type EditionId } from '../domain/editions';
import { storiesPerPage } from '../domain/site-config';
import { findPageStart, getListName } from '../store/lists';
import { resolveArticleUrl } from '../store/articles';
import { sectionExists } from '../store/sections';
import { type StoryFilter } from '../domain/stories';
import type { Db } from '../store/database';
import { slugPattern } from '../domain/slug';
import { readPageParam } from '../domain/page-param';
import { readPreview } from './preview';
import { shared } from '../runtime/process-state.mjs';
import {
  editionPath,
  historySegment,
  isReservedEditionPath,
  listPagePath,
  pageRequestKey,
  parseArticleSegment,
  pathSegments,
  publicListPath,
  readNameSegment,
} from '../domain/urls';

/**
 * Decides, before anything renders, what a page URL answers: render it, redirect it (a story
 * that moved, a page number written another way), or say it is unavailable (404, or 410 for a
 * withdrawn story).
 *
 * Why here and not in the pages: Next.js answers a `notFound()` thrown while rendering with a
 * 404 whose HTML body is empty (vercel/next.js#62228), which crawlers and readers without
 * JavaScript would see as a blank page, and it has no way at all to answer 410 or 301 from a
 * page. The proxy asks this function, then rewrites to the not-found page with the real status.
 * See docs/decisions/002-statuses-decided-in-the-proxy.md.
 */

export type PageRequestDecision =
  /** `cacheable`: the same for every reader, so a CDN may hold it (search results are not). */
  | { kind: 'render'; cacheable?: false; preview?: true }
  /** Render another (internal, cacheable) path for this URL; the reader's URL stays. */
  | { kind: 'rewrite'; path: string }
  | { kind: 'redirect'; location: string; status: 301 | 307; vary?: string }
  | { kind: 'unavailable'; edition: EditionId; status: 404 | 410 };

export type PageRequest = {
  pathname: string;
  searchParams?: URLSearchParams;
  acceptLanguage?: string | null;
};

const render: PageRequestDecision = { kind: 'render' };

/**
 * The decisions already made, while the store has not changed (issue 17). A decision depends
 * only on the URL and the store's contents (a scheduled story goes out by a write of the
 * scheduler), so as long as nothing has been committed to the store by any process — what
 * `version` tells in microseconds (lib/store/database.ts, Store.version) — the same URL gets
 * the same answer without a query: a cached article's request no longer asks the store what its
 * URL is. Not remembered: the edition root's redirect (it follows Accept-Language), and pages
 * rendered for one request (search, previews, whose links expire). Without a version (an
 * in-memory store), or while PostgreSQL's change feed cannot vouch for it, every request decides again.
 */
type Remembered = { version: number; decisions: Map<string, PageRequestDecision> };

const rememberedMax = 10_000;

export async function decidePageRequestOnce(
  db: Db,
  version: (() => number) | undefined,
  request: PageRequest,
  // One per process, shared with the HTTP front, which answers cache hits from it (lib/server/cached-pages.mjs).
  remembered: Remembered = shared('decisions', () => ({ version: -1, decisions: new Map() })) as Remembered,
): Promise<PageRequestDecision> {
  if (!version || request.pathname === '/' || request.pathname === '') return decidePageRequest(db, request);
  const now = version();
  if (now !== remembered.version) {
    remembered.decisions.clear();
    remembered.version = now;
  }
  const key = pageRequestKey(request.pathname, request.searchParams);
  const known = remembered.decisions.get(key);
  if (known) return known;
  const decision = await decidePageRequest(db, request);
  // Kept only if nothing was written while deciding; a flood of unknown URLs cannot grow it without bound.
  if (!(decision.kind === 'render' && decision.cacheable === false) && version() === now) {
    if (remembered.decisions.size >= rememberedMax) remembered.decisions.clear();
    remembered.decisions.set(key, decision);
  }
  return decision;
}

export async function decidePageRequest(db: Db, request: PageRequest): Promise<PageRequestDecision> {
  const { pathname } = request;
  const searchParams = request.searchParams ?? new URLSearchParams();
  if (pathname === '/' || pathname === '') {
    return { kind: 'redirect', location: editionPath(preferredEdition(request.acceptLanguage)), status: 307, vary: 'Accept-Language' };
  }
  const segments = pathSegments(pathname);
  const [first = '', second, third, ...rest] = segments;
  if (!isEditionId(first)) return { kind: 'unavailable', edition: defaultEditionId, status: 404 };
  const edition = first;
  const missing: PageRequestDecision = { kind: 'unavailable', edition, status: 404 };

  // An empty segment (a doubled or trailing slash) is not one of our URLs.
  if (segments.slice(1).some((segment) => segment === '')) return missing;
  if (second === undefined) return render;

  if (isReservedEditionPath(second)) {
    switch (second) {
      case 'about':
      case 'offline':
      case 'saved':
      case 'corrections':
        return third === undefined ? render : missing;
      case 'search':
        return third === undefined ? { kind: 'render', cacheable: false } : missing;
      case 'preview':
        // A draft's or scheduled story's signed link: for the newsroom only (decision 015).
        return third !== undefined && rest.length === 0 && (await readPreview(db, edition, third))
          ? { kind: 'render', cacheable: false, preview: true }
          : missing;
      case 'tag':
      case 'author': {
        const read = third === undefined || rest.length > 0 ? null : readNameSegment(third);
        if (!read) return missing;
        // The same name written another way (decomposed, lower-case hex): one redirect to the URL we link to.
        if (read.canonical) return { kind: 'redirect', location: `${publicListPath(edition, second, read.slug)}${query(searchParams)}`, status: 301 };
        const name = await getListName(db, edition, second, read.slug);
        if (!name) return missing;
        return decideListPage(db, edition, { kind: second, slug: read.slug }, publicListPath(edition, second, read.slug), searchParams);
      }
      default:
        return missing;
    }
  }

  // /{edition}/{section}
  if (third === undefined) {
    if (!slugPattern.test(second) || !(await sectionExists(db, edition, second))) return missing;
    return decideListPage(db, edition, { kind: 'section', slug: second }, pathname, searchParams);
  }

  // /{edition}/{section}/{yyyymmdd}-{slug}, and its history: /{edition}/{section}/{yyyymmdd}-{slug}/history
  const history = rest.length === 1 && rest[0] === historySegment;
  if (rest.length > 0 && !history) return missing;
  const locator = parseArticleSegment(third);
  if (!locator || !slugPattern.test(second)) return missing;
  const resolution = await resolveArticleUrl(db, { edition, section: second, ...locator });
  switch (resolution.kind) {
    case 'found':
      return render;
    case 'moved':
      return { kind: 'redirect', location: `${resolution.path}${history ? `/${historySegment}` : ''}${query(searchParams)}`, status: 301 };
    case 'gone':
      return { kind: 'unavailable', edition, status: 410 };
    case 'missing':
      return missing;
  }
}

/** A list (section, tag, author): its page number in canonical form, and 404 past its end. */
async function decideListPage(
  db: Db,
  edition: EditionId,
  filter: Extract<StoryFilter, { slug: string }>,
  pathname: string,
  searchParams: URLSearchParams,
): Promise<PageRequestDecision> {
  const param = readPageParam(searchParams);
  if (param.kind === 'redirect') return { kind: 'redirect', location: `${pathname}${param.search}`, status: 301 };
  const { kind } = filter;
  if (param.page === 1) return { kind: 'rewrite', path: listPagePath(edition, kind, filter.slug, 1, null) };
  const start = await findPageStart(db, { edition, filter, page: param.page, pageSize: storiesPerPage() });
  return start ? { kind: 'rewrite', path: listPagePath(edition, kind, filter.slug, param.page, start) } : { kind: 'unavailable', edition, status: 404 };
}

/**
 * Without the store (it is down): the internal path a list URL's first page is rendered and
 * cached at, or null when the URL is not a list's first page. The proxy serves that page if it
 * holds it; a deeper page's start is in the store, so it cannot be named.
 */
export function firstListPagePath(pathname: string, searchParams: URLSearchParams): string | null {
  const [edition = '', second, third, ...rest] = pathSegments(pathname);
  if (!isEditionId(edition) || second === undefined || rest.length > 0) return null;
  const param = readPageParam(searchParams);
  if (param.kind !== 'page' || param.page !== 1) return null;
  if (second === 'tag' || second === 'author') {
    const read = third === undefined ? null : readNameSegment(third);
    return read && !read.canonical ? listPagePath(edition, second, read.slug, 1, null) : null;
  }
  if (third !== undefined || isReservedEditionPath(second) || !slugPattern.test(second)) return null;
  return listPagePath(edition, 'section', second, 1, null);
}

function query(searchParams: URLSearchParams): string {
  const search = searchParams.toString();
  return search ? `?${search}` : '';
}

/**
 * The first edition whose language the reader accepts, in their order of preference; the
 * default edition when none is. `available` is the site's editions (a test passes its own).
 */
export function preferredEdition<Id extends string = EditionId>(
  acceptLanguage: string | null | undefined,
  available: readonly { id: Id; lang: string }[] = editionIds.map((id) => editions[id]) as unknown as { id: Id; lang: string }[],
  fallback: Id = defaultEditionId as Id,
): Id {
  const wanted = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { language: tag.split('-')[0] ?? '', q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((entry) => entry.language && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { language } of wanted) {
    const match = available.find((edition) => edition.lang.toLowerCase().split('-')[0] === language);
    if (match) return match.id;
  }
  return fallback;
}
