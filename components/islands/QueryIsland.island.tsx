'use client';

import { HydrationBoundary, QueryClientProvider, type DehydratedState } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { getQueryClient } from './query-client';

/**
 * The boundary of a client island: the tab's one QueryClient, filled with what the server
 * already fetched for this island. Everything outside islands stays server-rendered HTML.
 */
export function QueryIsland({ state, children }: { state: DehydratedState; children: ReactNode }) {
  return (
    <QueryClientProvider client={getQueryClient()}>
      <HydrationBoundary state={state}>{children}</HydrationBoundary>
    </QueryClientProvider>
  );
}
