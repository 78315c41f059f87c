import { register } from '../runtime/process-state.mjs';
import { seedStoreIfEmpty } from '../content/seed-store';
import { logger } from '../log';
import { latestCacheTagSeq, listCacheTagEvents } from '../store/cache-events';
import { getStore, StoreConfigError } from '../store/database';
import { ContentImportError } from '../content/import-content';
import { isStoreUnavailable } from '../store/store-errors';
import { startScheduler } from './scheduler';
import { startRenditionQueue } from './renditions';
import { startEdgePurger } from '../edge/purger';
import { startViewCounter } from './view-counter';

/**
 * What instrumentation.ts runs when a Node.js server starts: opens (creating and migrating) the
 * content store, seeds the demo content into a fresh store, and lets the page cache read the
 * invalidations that content writes record (lib/cache/next-cache-handler.mjs). Kept apart so
 * that Next's Edge build of instrumentation.ts never sees Node's APIs.
 *
 * A store that cannot be reached at start does not stop the server: it starts, answers what it
 * can (503 for pages, /api/ready says why), and keeps trying until the store answers.
 */
export async function startNodeServer() {
  const connect = async (attempt: number): Promise<void> => {
    try {
      const { db, version } = await getStore();
      const report = await seedStoreIfEmpty(db);
      if (report) logger.info({ stories: report.created.length }, 'content store seeded');
      // This process's cache starts empty: only invalidations from now on concern it.
      register('cacheEvents', {
        startSeq: await latestCacheTagSeq(db),
        since: async (seq) => listCacheTagEvents((await getStore()).db, seq),
        ...(version ? { version } : {}),
      });
      startScheduler();
      startEdgePurger();
      startRenditionQueue();
      startViewCounter();
      if (attempt > 0) logger.info('content store reachable');
    } catch (error) {
      // Unreachable: wait for it. A configuration that is wrong, or demo content that does not
      // validate, will not mend itself: say so once, and answer what can be answered (every
      // request rendered: the page cache needs the store's invalidations). Anything else may be
      // another process opening the same new store at this moment: try a few times more.
      const hopeless = error instanceof StoreConfigError || error instanceof ContentImportError;
      if (!isStoreUnavailable(error) && (hopeless || attempt >= 4)) {
        const issues = (error as { issues?: unknown }).issues;
        logger.fatal({ err: (error as Error).message, issues }, 'content store cannot be opened: fix the configuration and restart');
        return;
      }
      if (!isStoreUnavailable(error)) {
        logger.warn({ err: (error as Error).message, attempt }, 'content store could not be opened: trying again in a second');
        setTimeout(() => void connect(attempt + 1), 1000).unref();
        return;
      }
      if (attempt === 0) logger.error({ err: (error as Error).message }, 'content store unreachable at start: retrying every 2 s');
      setTimeout(() => void connect(attempt + 1), 2000).unref();
    }
  };
  await connect(0);
  // SIGTERM is the server's (lib/server/main.mjs): it stops accepting, finishes what is in flight, then exits.
}
