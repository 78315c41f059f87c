// @ts-check
/**
 * Headers the HTTP front (lib/server/http-front.mjs) sets on every request before Next sees it,
 * and the app reads. Plain JavaScript: the front loads it outside Next's bundler.
 */

/** The request's id: kept from a trusted proxy, otherwise made by the front; echoed on the answer and in every log line. */
export const requestIdHeader = 'x-request-id';

/** What an id from a proxy in front (nginx's $request_id) must look like to be kept. */
const requestIdPattern = /^[A-Za-z0-9._-]{8,128}$/;

/**
 * The request's id, assigned once: the one it came with when that may be kept (from a trusted
 * proxy, to the front; from the front, to the app), otherwise a new one. The front assigns it
 * for every request; the app makes one only when it runs without the front (`next dev`).
 * @param {unknown} incoming
 * @param {boolean} [keep] whether the sender may name the id
 * @returns {string}
 */
export function requestIdOf(incoming, keep = true) {
  return keep && typeof incoming === 'string' && requestIdPattern.test(incoming) ? incoming : crypto.randomUUID();
}

/**
 * What the proxy decided for a page request (render, rewrite, redirect, gone, not-found,
 * not-modified): set on its answer for the HTTP front's access line, which takes it off the
 * answer before it leaves (lib/server/answers.mjs).
 */
export const decisionHeader = 'x-newsroom-decision';

/** The reader's address, as the front found it through trusted proxies (X-Forwarded-For). */
export const clientAddressHeader = 'x-newsroom-client-address';
