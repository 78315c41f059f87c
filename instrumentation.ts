/**
 * Runs once when a server starts: opens (creating and migrating) the content store, seeds the
 * demo content into a fresh store, and lets the page cache read the invalidations that content
 * writes record (lib/cache/next-cache-handler.mjs).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { getStore } = await import('./lib/store/database');
  const { seedStoreIfEmpty } = await import('./lib/content/seed-store');
  const { latestCacheTagSeq, listCacheTagEvents } = await import('./lib/store/article-repository');
  const { db } = await getStore();
  const report = await seedStoreIfEmpty(db);
  if (report) console.log(`content store seeded with ${report.created.length} stories`);
  // This process's cache starts empty: only invalidations from now on concern it.
  const events = globalThis as typeof globalThis & {
    __newsroomCacheEvents?: { startSeq: number; since(seq: number): Promise<{ seq: number; tag: string }[]> };
  };
  events.__newsroomCacheEvents = { startSeq: await latestCacheTagSeq(db), since: async (seq) => listCacheTagEvents((await getStore()).db, seq) };
}
