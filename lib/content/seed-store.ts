import path from 'node:path';
import { countArticles } from '../store/articles';
import type { Db } from '../store/database';
import { importContent, type ImportReport } from './import-content';

/** The folder of demo content shipped with the project; CONTENT_DIR points elsewhere. */
export function contentDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(/*turbopackIgnore: true*/ env.CONTENT_DIR || 'content');
}

/** On first start the store is empty: fill it with the content folder. Later starts do nothing. */
export async function seedStoreIfEmpty(db: Db): Promise<ImportReport | null> {
  if ((await countArticles(db)) > 0) return null;
  // A machine without ffmpeg still gets the demo: its stories without their videos and recordings.
  return importContent(db, contentDir(), { withoutMediaTools: 'skip' });
}
