'use client';

import { deferIsland } from '@/components/islands/deferred';

/** The live updates' island, fetched after the first paint (components/islands/deferred.tsx). */
export const DeferredLiveUpdates = deferIsland(
  () => import('./LiveUpdates.island'),
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the server's copy, never in the browser's bundle (deferIsland)
  typeof window === 'undefined' ? require('./LiveUpdates.island') : undefined,
);
