/**
 * npm run content:import [path]   (default: content/)
 *
 * Validates every story and sections file under the path, then upserts them by id in one
 * transaction. On any problem it prints each one (file:line [field]: message), writes nothing,
 * and exits with status 1.
 */
import { ContentImportError, formatIssue, importContent } from '../lib/content/import-content';
import { contentDir } from '../lib/content/seed-store';
import { openStoreForTool } from '../lib/store/database';

const target = process.argv[2] ?? contentDir();
const store = await openStoreForTool('content:import');
try {
  const report = await importContent(store.db, target);
  console.log(`imported ${report.files} file(s): ${report.created.length} new, ${report.updated.length} updated, ${report.sections} section(s)`);
} catch (error) {
  if (!(error instanceof ContentImportError)) throw error;
  console.error(`nothing was imported; fix these and run again:\n${error.issues.map(formatIssue).join('\n')}`);
  process.exitCode = 1;
} finally {
  await store.close();
}
