/**
 * npm run store:restore -- FILE
 *
 * Loads a backup made by store:backup into the configured store (DATABASE_PATH or DATABASE_URL),
 * which must be empty: a new SQLite file, or a new database. Stop the instances first; start them
 * on the restored store afterwards. See lib/store/archive.ts.
 */
import { ArchiveError, restoreStore } from '../lib/store/archive';
import { StoreConfigError, storeConfigFromEnv } from '../lib/store/database';

const file = process.argv[2];
if (!file) {
  console.error('usage: npm run store:restore -- FILE');
  process.exit(2);
}
try {
  const summary = await restoreStore(storeConfigFromEnv(), file);
  console.log(
    `store:restore: ${summary.stories} stories, ${summary.pictures} pictures and ${summary.mediaFiles} video, audio and caption files restored (${summary.kind})`,
  );
} catch (error) {
  if (!(error instanceof ArchiveError) && !(error instanceof StoreConfigError)) throw error;
  console.error(`store:restore: ${error.message}`);
  process.exit(1);
}
