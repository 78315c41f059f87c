import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { articlesMigration } from './migrations/001-articles';
import { searchAndListsMigration } from './migrations/002-search-and-lists';
import { sitemapsMigration } from './migrations/003-sitemaps';
import { liveStoriesMigration } from './migrations/004-live-stories';
import { cacheTagEventsMigration } from './migrations/005-cache-tag-events';
import { sitemapMonthsMigration } from './migrations/006-sitemap-months';
import { searchKeysMigration } from './migrations/007-search-keys';
import { listMonthsMigration } from './migrations/008-list-months';
import { searchAccentsMigration } from './migrations/009-search-accents';
import { publishAuthFailuresMigration } from './migrations/010-publish-auth-failures';
import { textWithoutControlCharactersMigration } from './migrations/011-text-without-control-characters';
import { editionsMigration } from './migrations/012-editions';
import { newsroomWorkflowMigration } from './migrations/013-newsroom-workflow';
import { searchByEditionMigration } from './migrations/014-search-by-edition';
import { listDaysMigration } from './migrations/015-list-days';
import { frontsAndLiveWindowsMigration } from './migrations/016-fronts-and-live-windows';
import { edgePurgesMigration } from './migrations/017-edge-purges';
import { mediaStreamsMigration } from './migrations/018-media-streams';
import { storyVersionsMigration } from './migrations/019-story-versions';
import { storyViewsMigration } from './migrations/020-story-views';

/**
 * Versioned migrations, listed in code rather than read from a folder so that they travel
 * inside the server bundle. Names sort in the order they run; never rename or edit one that
 * has shipped — add the next. SQLite and PostgreSQL run the same list; a migration asks
 * `dialectOf(db)` only where their SQL differs (search, sequences, date functions).
 */
const migrations: Record<string, Migration> = {
  '001-articles': articlesMigration,
  '002-search-and-lists': searchAndListsMigration,
  '003-sitemaps': sitemapsMigration,
  '004-live-stories': liveStoriesMigration,
  '005-cache-tag-events': cacheTagEventsMigration,
  '006-sitemap-months': sitemapMonthsMigration,
  '007-search-keys': searchKeysMigration,
  '008-list-months': listMonthsMigration,
  '009-search-accents': searchAccentsMigration,
  '010-publish-auth-failures': publishAuthFailuresMigration,
  '011-text-without-control-characters': textWithoutControlCharactersMigration,
  '012-editions': editionsMigration,
  '013-newsroom-workflow': newsroomWorkflowMigration,
  '014-search-by-edition': searchByEditionMigration,
  '015-list-days': listDaysMigration,
  '016-fronts-and-live-windows': frontsAndLiveWindowsMigration,
  '017-edge-purges': edgePurgesMigration,
  '018-media-streams': mediaStreamsMigration,
  '019-story-versions': storyVersionsMigration,
  '020-story-views': storyViewsMigration,
};

/** `schema`: PostgreSQL only, where the store lives when not in the default search path. */
export async function migrateToLatest(db: Kysely<any>, schema?: string): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => migrations };
  const migrator = new Migrator({ db, provider, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const cause = error instanceof Error ? error.message : String(error ?? '');
    throw new Error(`The content store could not be migrated${failed ? ` (${failed.migrationName})` : ''}: ${cause}`, { cause: error });
  }
}
