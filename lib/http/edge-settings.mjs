// @ts-check
/**
 * The edges an instance purges (decision 024): EDGE_PURGE_URLS, a comma-separated list of the
 * edges' base URLs (http://127.0.0.1:8090), and EDGE_PURGE_SECRET, the secret each edge was
 * started with. Read by the server at start (lib/server/main.mjs stops with this message when
 * they are wrong) and by the purger.
 */

/** What a secret may hold: it travels in a header and is written into the edge's configuration. */
const purgeSecretPattern = /^[A-Za-z0-9._~+/=-]{16,256}$/;

/**
 * @param {Readonly<Record<string, string | undefined>>} env
 * @returns {{ edges: string[], secret: string } | null} null when no edge is configured
 */
export function edgePurgeSettings(env = process.env) {
  const raw = env.EDGE_PURGE_URLS?.trim();
  if (!raw) return null;
  const edges = raw
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      let url;
      try {
        url = new URL(part);
      } catch {
        throw new Error(`EDGE_PURGE_URLS: "${part}" is not a URL (expected e.g. http://127.0.0.1:8090)`);
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`EDGE_PURGE_URLS: "${part}" must be an http:// or https:// URL`);
      return url.origin;
    });
  const secret = env.EDGE_PURGE_SECRET ?? '';
  if (!purgeSecretPattern.test(secret))
    throw new Error('EDGE_PURGE_URLS is set: EDGE_PURGE_SECRET must be set too, to the edge’s secret (16 to 256 characters: letters, digits and ._~+/=-)');
  return { edges: [...new Set(edges)], secret };
}
