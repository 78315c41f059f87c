import type { Instrumentation } from 'next';

/**
 * Runs once when a server starts: opens (creating and migrating) the content store, seeds the
 * demo content into a fresh store, and lets the page cache read the invalidations that content
 * writes record (lib/cache/next-cache-handler.mjs).
 *
 * A store that cannot be reached at start does not stop the server: it starts, answers what it
 * can (503 for pages, /api/ready says why), and keeps trying until the store answers.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { logger } = await import('./lib/log');
  const { getStore } = await import('./lib/store/database');
  const { seedStoreIfEmpty } = await import('./lib/content/seed-store');
  const { latestCacheTagSeq, listCacheTagEvents } = await import('./lib/store/article-repository');
  const { isStoreUnavailable } = await import('./lib/store/store-errors');
  const events = globalThis as typeof globalThis & {
    __newsroomCacheEvents?: { startSeq: number; since(seq: number): Promise<{ seq: number; tag: string }[]> };
  };

  const connect = async (attempt: number): Promise<void> => {
    try {
      const { db } = await getStore();
      const report = await seedStoreIfEmpty(db);
      if (report) logger.info({ stories: report.created.length }, 'content store seeded');
      // This process's cache starts empty: only invalidations from now on concern it.
      events.__newsroomCacheEvents = { startSeq: await latestCacheTagSeq(db), since: async (seq) => listCacheTagEvents((await getStore()).db, seq) };
      if (attempt > 0) logger.info('content store reachable');
    } catch (error) {
      // Unreachable: wait for it. Anything else (a wrong DATABASE_URL, demo content that does
      // not validate) will not mend itself: say so once, and answer what can be answered.
      if (!isStoreUnavailable(error)) {
        const issues = (error as { issues?: unknown }).issues;
        logger.fatal({ err: (error as Error).message, issues }, 'content store cannot be opened: fix the configuration and restart');
        return;
      }
      if (attempt === 0) logger.error({ err: (error as Error).message }, 'content store unreachable at start: retrying every 2 s');
      setTimeout(() => void connect(attempt + 1), 2000).unref();
    }
  };
  await connect(0);

  // Next stops accepting connections and finishes the requests in flight on SIGTERM, then exits;
  // this only says so in the log.
  process.once('SIGTERM', () => logger.info('SIGTERM: finishing requests in flight, then stopping'));
}

/** Errors while rendering or in a route: one JSON line with the request id and where it happened. */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  const { logger } = await import('./lib/log');
  const headers = request.headers as Record<string, string | string[] | undefined>;
  logger.error(
    {
      reqId: headers['x-request-id'],
      method: request.method,
      path: request.path,
      route: context.routePath,
      err: error instanceof Error ? { message: error.message, digest: (error as Error & { digest?: string }).digest } : String(error),
    },
    'request failed',
  );
};
