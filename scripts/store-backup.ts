/**
 * npm run store:backup -- FILE
 *
 * A consistent copy of the configured store (DATABASE_PATH or DATABASE_URL, as the server's),
 * taken while it runs, pictures, video and audio included: SQLite's online backup, or pg_dump. See lib/store/archive.ts.
 */
import { ArchiveError, backupStore } from '../lib/store/archive';
import { StoreConfigError, storeConfigFromEnv } from '../lib/store/database';

const file = process.argv[2];
if (!file) {
  console.error('usage: npm run store:backup -- FILE');
  process.exit(2);
}
try {
  const summary = await backupStore(storeConfigFromEnv(), file);
  console.log(
    `store:backup: ${summary.stories} stories, ${summary.pictures} pictures and ${summary.mediaFiles} video, audio and caption files (${summary.kind}) in ${summary.file}, ${(summary.bytes / 2 ** 20).toFixed(1)} MB`,
  );
} catch (error) {
  if (!(error instanceof ArchiveError) && !(error instanceof StoreConfigError)) throw error;
  console.error(`store:backup: ${error.message}`);
  process.exit(1);
}
