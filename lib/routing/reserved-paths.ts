/**
 * First segments under an edition that belong to the site, not to a section: a section may
 * never take one of these slugs, or its front would be unreachable.
 */
export const reservedEditionPaths = ['about', 'search', 'tag', 'author', 'unavailable', 'feeds', 'sitemaps', 'api'] as const;

export function isReservedEditionPath(segment: string): boolean {
  return (reservedEditionPaths as readonly string[]).includes(segment);
}

/** The internal page that renders "not found" and "gone"; the proxy rewrites to it with the status. */
export const unavailablePath = (edition: string) => `/${edition}/unavailable`;
