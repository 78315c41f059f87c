'use client';

import { deferIsland } from '@/components/islands/deferred';

/** "Load more stories", fetched after the first paint (components/islands/deferred.tsx). */
export const DeferredLoadMoreStories = deferIsland(
  () => import('./LoadMoreStories.island'),
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the server's copy, never in the browser's bundle (deferIsland)
  typeof window === 'undefined' ? require('./LoadMoreStories.island') : undefined,
);
