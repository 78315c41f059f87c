/**
 * Runs once when a server starts: opens (creating and migrating) the content store and, on a
 * fresh store, seeds the demo content — so `next start` on a new machine serves a full site.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { getStore } = await import('./lib/store/database');
  const { seedStoreIfEmpty } = await import('./lib/content/seed-store');
  const { db } = await getStore();
  const report = await seedStoreIfEmpty(db);
  if (report) console.log(`content store seeded with ${report.created.length} stories`);
}
