/**
 * First segments under an edition that belong to the site, not to a section: a section may
 * never take one of these slugs, or its front would be unreachable.
 */
export const reservedEditionPaths = ['about', 'search', 'tag', 'author', 'unavailable', 'lists', 'feeds', 'sitemaps', 'api'] as const;

export function isReservedEditionPath(segment: string): boolean {
  return (reservedEditionPaths as readonly string[]).includes(segment);
}

/** The internal page that renders "not found" and "gone"; the proxy rewrites to it with the status. */
export const unavailablePath = (edition: string) => `/${edition}/unavailable`;

/** Where a page of a list starts: after the last story of the page before it (null for the first page). */
export type ListPageStart = { publishedTs: number; id: string } | null;

/**
 * Where the proxy sends a section, tag or author page to be rendered: the page number moves
 * from the query string into the path, so that each page is a cacheable route of its own, and
 * so does where the page starts, which the proxy has just looked up to know the page exists:
 * the page reads its stories from there without walking the list a second time.
 */
export const listPagePath = (edition: string, kind: 'section' | 'tag' | 'author', slug: string, page: number, start: ListPageStart) =>
  `/${edition}/lists/${kind}/${slug}/${page}/${start ? `${start.publishedTs}~${start.id}` : 'top'}`;

/** The start segment of a list page's internal path, read back; undefined when malformed. */
export function parseListPageStart(segment: string): ListPageStart | undefined {
  if (segment === 'top') return null;
  // Stories may predate 1970: the time can be negative.
  const match = /^(-?\d{1,15})~([a-z0-9][a-z0-9-]{2,99})$/.exec(segment);
  return match ? { publishedTs: Number(match[1]), id: match[2]! } : undefined;
}

/** The public URL of that list page. */
export const publicListPath = (edition: string, kind: 'section' | 'tag' | 'author', slug: string) =>
  kind === 'section' ? `/${edition}/${slug}` : `/${edition}/${kind}/${slug}`;
