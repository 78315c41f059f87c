import { slugPattern } from './slug';

/**
 * The parts of the URL grammar that need no edition's config (issue 31): what the service
 * worker bundles (lib/offline/service-worker.ts), which must not carry every edition's strings.
 * lib/domain/urls.ts re-exports them; build URLs from there.
 */

const articleSegmentPattern = /^(\d{8})-(.{1,160})$/;

/** Splits the last segment of an article URL into its date and slug; null when it is not one. */
export function parseArticleSegment(segment: string): { date: string; slug: string } | null {
  const match = articleSegmentPattern.exec(segment);
  if (!match) return null;
  const [, date, slug] = match as unknown as [string, string, string];
  if (!slugPattern.test(slug)) return null;
  return { date, slug };
}

/** Whether a path has the shape of a story's, `/{edition}/{section}/{yyyymmdd}-{slug}`, for an edition `isEdition` knows. */
export function isArticlePathOf(pathname: string, isEdition: (id: string) => boolean): boolean {
  const segments = pathname.split('/').slice(1);
  if (!pathname.startsWith('/') || segments.length !== 3) return false;
  const [edition = '', section = '', last = ''] = segments;
  return isEdition(edition) && slugPattern.test(section) && parseArticleSegment(last) !== null;
}

/** The page a reader sees without a connection, in an edition's words (issue 31): what can be read offline. */
export const offlinePath = (edition: string) => `/${edition}/offline`;

/** The stories a reader saved for later (issue 31). */
export const savedPath = (edition: string) => `/${edition}/saved`;
