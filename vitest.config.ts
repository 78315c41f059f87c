import path from 'node:path';
import { defineConfig } from 'vitest/config';

/** The store's contract tests: they run once on SQLite and once more on PostgreSQL. */
const storeContractTests = [
  'lib/store/articles.test.ts',
  'lib/store/cache-events.test.ts',
  'lib/store/edge-purges.test.ts',
  'lib/store/lists.test.ts',
  'lib/store/live-updates.test.ts',
  'lib/store/monthly-counts.test.ts',
  'lib/store/related.test.ts',
  'lib/store/search/search.test.ts',
  'lib/store/settings.test.ts',
  'lib/store/sitemaps.test.ts',
  'lib/store/write-content.test.ts',
  'lib/content/import-content.test.ts',
  'lib/content/demo-content.test.ts',
  'lib/data/page-request.test.ts',
  'lib/store/hardening.test.ts',
  'lib/store/workflow.test.ts',
  'lib/store/query-plans.test.ts',
  'lib/store/fronts.test.ts',
  'lib/store/change-feed.test.ts',
  'lib/store/media-streams.test.ts',
  'lib/store/story-versions.test.ts',
  'lib/store/story-views.test.ts',
];

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    environment: 'node',
    // `server-only` throws outside a React server build; unit tests are server code.
    alias: { 'server-only': path.resolve(import.meta.dirname, 'lib/testing/server-only-stub.ts') },
    pool: 'forks',
    maxWorkers: 2,
    // Machines of this kind differ up to 3 × in speed between sessions: a thousand property runs
    // took over 5 s (vitest's default) on a slow one with a benchmark beside it.
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: { name: 'sqlite', include: ['lib/**/*.test.ts', 'components/**/*.test.ts', 'components/**/*.test.tsx', 'scripts/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: storeContractTests,
          env: { TEST_STORE: 'postgres' },
          globalSetup: ['lib/testing/postgres-setup.ts'],
        },
      },
    ],
  },
});
