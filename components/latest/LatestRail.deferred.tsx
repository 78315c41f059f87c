'use client';

import { deferIsland } from '@/components/islands/deferred';

/** The latest rail's island, fetched after the first paint (components/islands/deferred.tsx). */
export const DeferredLatestRail = deferIsland(
  () => import('./LatestRail.island'),
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the server's copy, never in the browser's bundle (deferIsland)
  typeof window === 'undefined' ? require('./LatestRail.island') : undefined,
);
