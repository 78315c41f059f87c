// @ts-check
/**
 * What an edge cache in front of the instances is told about each answer (decision 024):
 *
 * - its **content tags** — the tags the store's invalidation events name (lib/domain/content-tags.ts),
 *   so that a commit can purge exactly the answers that show what it changed. The same list goes
 *   out three ways: `xkey` (Varnish's xkey module, which deploy/edge indexes), `Surrogate-Key`
 *   (Fastly: space-separated) and `Cache-Tag` (Cloudflare: comma-separated);
 * - how long the **edge** may keep it (`Surrogate-Control`, which Fastly and our Varnish read and
 *   strip, and which browsers and caches that do not know it ignore): a day, since it is purged
 *   when it changes; the `Cache-Control` that browsers and plain shared caches read is unchanged;
 * - how far the instance had read the store's invalidations when the request arrived
 *   (`X-Content-Seq`): an edge that has been sent a purge up to a later event does not keep it,
 *   since the instance may not have heard of that event yet.
 *
 * Plain JavaScript: the page cache handler and the HTTP front run outside Next's bundler.
 */

/** The edge keeps a tagged answer a day, and may serve it for a day more if every instance fails. */
export const edgeSurrogateControl = 'max-age=86400, stale-if-error=86400';

/** The header the instances name the store's invalidation events they had read with (see above). */
export const contentSeqHeader = 'x-content-seq';

/** The three headers that carry the same tags (lowercase, as stored in a cached page's headers). */
const tagHeaders = /** @type {const} */ (['xkey', 'surrogate-key', 'cache-tag']);

/** Next's own implicit tags (`_N_T_/en/…`) mean nothing to an edge; ours are printable ASCII without separators. */
const contentTag = /^[!-+\--~]+$/;

/**
 * @param {Iterable<string>} tags
 * @returns {Record<(typeof tagHeaders)[number], string> | null} null when none is a content tag
 */
export function surrogateKeyHeaders(tags) {
  const kept = [...new Set([...tags].filter((tag) => !tag.startsWith('_N_T_') && contentTag.test(tag)))].sort();
  if (kept.length === 0) return null;
  const spaced = kept.join(' ');
  return { xkey: spaced, 'surrogate-key': spaced, 'cache-tag': kept.join(',') };
}

/**
 * The tag headers a cached page carries, as they were stored with it (for the HTTP front's cache hits).
 * @param {Record<string, unknown> | undefined} stored
 * @returns {Record<string, string>}
 */
export function storedTagHeaders(stored) {
  /** @type {Record<string, string>} */
  const headers = {};
  if (!stored) return headers;
  for (const name of tagHeaders) if (typeof stored[name] === 'string') headers[name] = /** @type {string} */ (stored[name]);
  return headers;
}
