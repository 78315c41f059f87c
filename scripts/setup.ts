/**
 * Gets a fresh checkout ready to serve: draws the demo pictures that are missing, writes the
 * service worker (scripts/build-service-worker.ts), creates and migrates the store, and seeds it with the content folder when it is empty. Safe to run again.
 */
import path from 'node:path';
import { formatIssue, ContentImportError } from '../lib/content/import-content';
import { seedStoreIfEmpty } from '../lib/content/seed-store';
import { openStoreForTool } from '../lib/store/database';
import { generateDemoImages } from './generate-images';
import { buildServiceWorker } from './build-service-worker';

const images = await generateDemoImages(path.resolve('public/images/demo'));
if (images.written.length) console.log(`setup: drew ${images.written.length} demo pictures`);

const worker = await buildServiceWorker();
console.log(worker === 'worker' ? 'setup: wrote public/sw.js' : 'setup: wrote public/sw.js, the worker that removes itself (SERVICE_WORKER=off)');

const store = await openStoreForTool('setup');
const { config } = store;
try {
  const report = await seedStoreIfEmpty(store.db);
  const where = config.kind === 'postgres' ? 'the PostgreSQL store' : path.relative(process.cwd(), config.path);
  console.log(report ? `setup: seeded ${where} with ${report.created.length} stories` : `setup: ${where} is migrated and already has content`);
} catch (error) {
  if (error instanceof ContentImportError) {
    console.error(`setup: the content folder has problems, nothing was written:\n${error.issues.map(formatIssue).join('\n')}`);
    process.exitCode = 1;
  } else throw error;
} finally {
  await store.close();
}
