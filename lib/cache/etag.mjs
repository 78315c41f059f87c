/**
 * A weak validator for a body we serve: the same body, the same tag, on every instance.
 * Plain JavaScript: the cache handler (loaded by Next outside its bundler) uses it too.
 */
import { createHash } from 'node:crypto';

/**
 * @param {string} body
 * @returns {string}
 */
export function weakEtag(body) {
  return `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}
