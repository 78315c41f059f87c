// @ts-check
/**
 * Hosts that story pictures may come from (IMAGE_HOSTS, comma-separated host names): the schema
 * refuses a picture from any other host; next.config.js's images.remotePatterns (at build time)
 * and the policy's img-src (lib/http/security-headers.mjs) allow them. Plain JavaScript: the
 * server and next.config.js load it outside Next's bundler.
 * @param {Readonly<Record<string, string | undefined>>} [env]
 * @returns {string[]}
 */
export function imageHosts(env = process.env) {
  return (env.IMAGE_HOSTS ?? '')
    .split(',')
    .map((host) => host.trim().toLowerCase())
    .filter(Boolean);
}
