/**
 * What the service worker keeps for reading without a connection (issue 31;
 * docs/decisions/026-lite-pages.md, "Offline reading"), shared by the worker
 * (lib/offline/service-worker.ts), the Save for later island and the pages it fills.
 * No imports: the worker is bundled from this file on its own.
 */

/** Bumped when what a cache holds changes shape: the worker deletes every cache not named here. */
const version = 'v1';

/** Every cache of the site's starts so: the worker, and the one that removes it, know theirs from another site's. */
export const offlineCachePrefix = 'meridian-';

export const offlineCaches = {
  /** The last stories the reader opened: documents only, the newest kept. */
  recent: `${offlineCachePrefix}recent-${version}`,
  /** Every picture a page showed, at the size it was fetched. */
  pictures: `${offlineCachePrefix}pictures-${version}`,
  /** Stories the reader saved, with their pictures: kept until the reader removes them or the story is withdrawn. */
  saved: `${offlineCachePrefix}saved-${version}`,
  /** The framework's files (immutable, hashed names) and the web fonts. */
  assets: `${offlineCachePrefix}assets-${version}`,
  /** The offline and saved pages' own documents, fetched when the worker installs. */
  shells: `${offlineCachePrefix}shells-${version}`,
} as const;

/**
 * The limits, evicted oldest first (by when they were stored) and by age. A story's document is
 * 150-200 KB and its pictures 10-100 KB at a phone's width: the recent stories and their
 * pictures stay within about 10 MB.
 */
export const offlineLimits = {
  recentStories: 20,
  pictures: 120,
  assets: 80,
  maxAgeSeconds: 30 * 24 * 60 * 60,
  /** How often, at most, the worker asks whether kept stories have been withdrawn, while online. */
  withdrawalCheckMs: 5 * 60 * 1000,
} as const;

/** The element of the offline and saved pages the worker fills with what can be read, and the message it hides when it does. */
export const offlineListAttribute = 'data-offline-list';
export const offlineEmptyAttribute = 'data-offline-empty';

/** Where the worker is served from (public/sw.js, written by scripts/build-service-worker.ts). */
export const serviceWorkerPath = '/sw.js';
