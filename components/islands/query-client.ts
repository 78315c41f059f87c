import { defaultShouldDehydrateQuery, isServer, QueryClient } from '@tanstack/react-query';

/**
 * TanStack Query the way its maintainers recommend for the app router: a new client for every
 * server request (see request-query-client.ts), one client per browser tab, and a staleTime
 * above zero so that data rendered on the server is not fetched again right after hydration.
 */
export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 60_000, refetchOnWindowFocus: true, retry: 2 },
      dehydrate: { shouldDehydrateQuery: (query) => defaultShouldDehydrateQuery(query) || query.state.status === 'pending' },
    },
  });
}

let browserQueryClient: QueryClient | undefined;

export function getQueryClient(): QueryClient {
  if (isServer) return makeQueryClient();
  browserQueryClient ??= makeQueryClient();
  return browserQueryClient;
}
