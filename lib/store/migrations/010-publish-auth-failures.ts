import type { Kysely, Migration } from 'kysely';

/**
 * Failed publishing logins, by client address, in the shared store: so that a client guessing
 * the token is refused (429) after a few failures on every instance, not only on the one it
 * happened to reach. One row per address, for the window it counts in.
 */
export const publishAuthFailuresMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('publish_auth_failures')
      .addColumn('client', 'text', (c) => c.primaryKey())
      .addColumn('failures', 'integer', (c) => c.notNull())
      .addColumn('window_start_ts', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('publish_auth_failures_window_idx').on('publish_auth_failures').column('window_start_ts').execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('publish_auth_failures').execute();
  },
};
