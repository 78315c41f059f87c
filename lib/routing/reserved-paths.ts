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

/**
 * Where the proxy sends a section, tag or author page to be rendered: the page number moves
 * from the query string into the path, so that each page is a cacheable route of its own.
 */
export const listPagePath = (edition: string, kind: 'section' | 'tag' | 'author', slug: string, page: number) =>
  `/${edition}/lists/${kind}/${slug}/${page}`;

/** The public URL of that list page. */
export const publicListPath = (edition: string, kind: 'section' | 'tag' | 'author', slug: string) =>
  kind === 'section' ? `/${edition}/${slug}` : `/${edition}/${kind}/${slug}`;
