import type { Kysely } from 'kysely';
import { parseArticleSegment } from '../article-path';
import { defaultEditionId, isEditionId, type EditionId } from '../editions';
import { resolveArticleUrl, sectionExists } from '../store/article-repository';
import type { Database } from '../store/schema';
import { isReservedEditionPath } from './reserved-paths';

/**
 * Decides, before anything renders, what a page URL answers: render it, redirect it (a story
 * that moved), or say it is unavailable (404, or 410 for a withdrawn story).
 *
 * Why here and not in the pages: Next.js answers a `notFound()` thrown while rendering with a
 * 404 whose HTML body is empty (vercel/next.js#62228), which crawlers and readers without
 * JavaScript would see as a blank page, and it has no way at all to answer 410 or 301 from a
 * page. The proxy asks this function, then rewrites to the not-found page with the real status.
 * See docs/decisions/002-statuses-decided-in-the-proxy.md.
 */

export type PageRequestDecision =
  | { kind: 'render' }
  | { kind: 'redirect'; location: string; status: 301 | 307 }
  | { kind: 'unavailable'; edition: EditionId; status: 404 | 410 };

const render: PageRequestDecision = { kind: 'render' };

export async function decidePageRequest(db: Kysely<Database>, pathname: string): Promise<PageRequestDecision> {
  const segments = pathname.split('/').slice(1);
  if (pathname === '/' || pathname === '') return { kind: 'redirect', location: `/${defaultEditionId}`, status: 307 };
  const [first = '', second, third, ...rest] = segments;
  if (!isEditionId(first)) return { kind: 'unavailable', edition: defaultEditionId, status: 404 };
  const edition = first;
  const missing: PageRequestDecision = { kind: 'unavailable', edition, status: 404 };

  // A trailing slash or an empty segment is not one of our URLs.
  if (segments.some((segment, index) => segment === '' && index !== segments.length - 1)) return missing;
  if (second === undefined || second === '') return segments.length <= 2 ? render : missing;

  if (isReservedEditionPath(second)) {
    if (second === 'unavailable') return missing;
    return render; // The route itself knows its own valid URLs (about, search…).
  }

  // /{edition}/{section}
  if (third === undefined) return (await sectionExists(db, edition, second)) ? render : missing;

  // /{edition}/{section}/{yyyymmdd}-{slug}
  if (rest.length > 0) return missing;
  const locator = parseArticleSegment(third);
  if (!locator) return missing;
  const resolution = await resolveArticleUrl(db, { edition, section: second, ...locator });
  switch (resolution.kind) {
    case 'found':
      return render;
    case 'moved':
      return { kind: 'redirect', location: resolution.path, status: 301 };
    case 'gone':
      return { kind: 'unavailable', edition, status: 410 };
    case 'missing':
      return missing;
  }
}
