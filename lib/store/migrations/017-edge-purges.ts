import type { Kysely, Migration } from 'kysely';

/**
 * How far each edge cache has been purged (decision 024): one row per edge URL, the number of
 * the last cache-tag event it has been sent, and a short lease naming the process sending the
 * next purge — so that each commit is purged once per edge, not once per instance, and a purge
 * that failed is sent again from the same place until it lands; `failures` counts the purges that
 * failed since the last one that landed, whichever process sent them.
 */
export const edgePurgesMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('edge_purges')
      .addColumn('edge', 'text', (c) => c.primaryKey())
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .addColumn('lease_owner', 'text')
      .addColumn('lease_until_ts', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('purged_ts', 'bigint', (c) => c.notNull())
      .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('edge_purges').execute();
  },
};
