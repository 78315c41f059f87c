/**
 * Request headers that proxy.ts sets for the pages behind it. It always overwrites them, so a
 * reader cannot forge them.
 */

/** The path the reader asked for (not-found pages have no route params). */
export const requestPathHeader = 'x-request-path';

/** On a rewrite to the unavailable page: the status it answers, 404 or 410. */
export const unavailableStatusHeader = 'x-unavailable-status';
