/**
 * Request headers that proxy.ts sets for the pages behind it. It always overwrites them, so a
 * reader cannot forge them.
 */

/** The path the reader asked for (not-found pages have no route params). */
export const requestPathHeader = 'x-request-path';

/** On a rewrite to the unavailable page: the status it answers, 404 or 410. */
export const unavailableStatusHeader = 'x-unavailable-status';

/** On a rewrite to a lite page: how the reader asked for it, `suffix` (its `.lite` address) or `save-data` (Save-Data: on at the full page's address). */
export const liteViaHeader = 'x-lite-via';

/** On a rewrite to a lite page: the full page's target (path and query) it is made from. */
export const liteTargetHeader = 'x-lite-target';
