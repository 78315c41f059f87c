import { sql, type Kysely, type Migration } from 'kysely';
import { dialectOf } from './frozen';

/**
 * The newsroom's workflow (decision 015):
 * - `articles.status` may also be `draft` (stored, never public) and `scheduled` (published
 *   with a time still ahead: public from that time). SQLite cannot change a CHECK constraint in
 *   place: the table is rebuilt as SQLite's documentation prescribes (foreign keys off, new
 *   table, copy, drop, rename, the indexes made again from their own definitions), in one
 *   transaction. PostgreSQL replaces the constraint.
 * - an index for "the next scheduled story", which every server asks every few seconds;
 * - `media`: uploaded pictures, cleaned, stored by the hash of what is served.
 */

const allowed = `status in ('published', 'withdrawn', 'draft', 'scheduled')`;

export const newsroomWorkflowMigration: Migration = {
  async up(db: Kysely<any>) {
    const postgres = dialectOf(db) === 'postgres';
    if (postgres) {
      await sql`alter table articles drop constraint articles_status_check`.execute(db);
      await sql.raw(`alter table articles add constraint articles_status_check check (${allowed})`).execute(db);
    } else {
      await rebuildSqliteArticles(db);
    }
    await db.schema.createIndex('articles_scheduled_idx').on('articles').columns(['status', 'published_ts']).execute();

    await db.schema
      .createTable('media')
      // The first 32 hex digits of the SHA-256 of the bytes served: the same picture, the same id.
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('content_type', 'text', (c) => c.notNull())
      .addColumn('extension', 'text', (c) => c.notNull())
      .addColumn('width', 'integer', (c) => c.notNull())
      .addColumn('height', 'integer', (c) => c.notNull())
      .addColumn('byte_length', 'integer', (c) => c.notNull())
      .addColumn('bytes', postgres ? 'bytea' : 'blob', (c) => c.notNull())
      .addColumn('suggested_credit', 'text')
      .addColumn('created_ts', 'bigint', (c) => c.notNull())
      .execute();
  },
};

async function rebuildSqliteArticles(db: Kysely<any>): Promise<void> {
  const table = (await sql<{ sql: string }>`select sql from sqlite_schema where type = 'table' and name = 'articles'`.execute(db)).rows[0];
  const indexes = (await sql<{ sql: string }>`select sql from sqlite_schema where type = 'index' and tbl_name = 'articles' and sql is not null`.execute(db))
    .rows;
  if (!table) throw new Error('migration 013: no articles table');
  const old = /status\s+in\s*\(\s*'published'\s*,\s*'withdrawn'\s*\)/i;
  if (!old.test(table.sql)) throw new Error('migration 013: the articles table does not hold the expected status constraint');
  const created = table.sql.replace(old, allowed).replace(/^create table\s+("?articles"?)/i, 'create table "articles_next"');
  // Foreign keys (tags, authors, previous slugs, updates, search keys point at articles) must
  // not fire while the old table is dropped; this pragma has no effect inside a transaction.
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await db.transaction().execute(async (trx) => {
      await sql.raw(created).execute(trx);
      await sql`insert into articles_next select * from articles`.execute(trx);
      await sql`drop table articles`.execute(trx);
      await sql`alter table articles_next rename to articles`.execute(trx);
      for (const index of indexes) await sql.raw(index.sql).execute(trx);
      const broken = (await sql`pragma foreign_key_check`.execute(trx)).rows;
      if (broken.length) throw new Error(`migration 013: ${broken.length} rows lost their story`);
    });
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}
