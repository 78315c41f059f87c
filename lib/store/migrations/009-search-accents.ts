import { sql, type Kysely, type Migration } from 'kysely';
import { dialectOf } from './frozen';

/**
 * PostgreSQL search folds accents, as SQLite's does (FTS5 `remove_diacritics`, 002): "Liege"
 * finds "Liège" and "Liège" finds "Liege". The search document and the queries use a text
 * search configuration of our own, `newsroom_english`: English stemming after PostgreSQL's
 * `unaccent` dictionary. unaccent ships with PostgreSQL (contrib) and is a trusted extension,
 * which the store's owner may install; where it is not available, the configuration is plain
 * English and search simply does not fold accents.
 */
export const searchAccentsMigration: Migration = {
  async up(db: Kysely<any>) {
    if (dialectOf(db) !== 'postgres') return;
    const unaccentSchema = await installUnaccent(db);
    await sql`create text search configuration newsroom_english (copy = english)`.execute(db);
    if (unaccentSchema) {
      await sql`alter text search configuration newsroom_english
        alter mapping for hword, hword_part, word with ${sql.id(unaccentSchema, 'unaccent')}, english_stem`.execute(db);
    }
    await rebuildDocumentColumn(db, 'newsroom_english');
  },
  async down(db: Kysely<any>) {
    if (dialectOf(db) !== 'postgres') return;
    await rebuildDocumentColumn(db, 'english');
    await sql`drop text search configuration newsroom_english`.execute(db);
  },
};

/**
 * Rebuilds the weighted search document (007) with another text search configuration: a
 * generated column's expression cannot be changed in place, so the column and its index go.
 */
async function rebuildDocumentColumn(db: Kysely<any>, configuration: 'english' | 'newsroom_english'): Promise<void> {
  const config = sql.lit(configuration);
  await sql`alter table articles_search drop column document`.execute(db);
  await sql`alter table articles_search add column document tsvector generated always as (
    setweight(to_tsvector(${config}, headline), 'A') ||
    setweight(to_tsvector(${config}, standfirst), 'B') ||
    setweight(to_tsvector(${config}, tags || ' ' || slug), 'C') ||
    setweight(to_tsvector(${config}, body), 'D')
  ) stored`.execute(db);
  await sql`create index articles_search_document_idx on articles_search using gin (document)`.execute(db);
}

/**
 * The schema the unaccent extension lives in, installing it (in the store's schema) when the
 * server offers it; null when it cannot be had. An extension belongs to the whole database:
 * another store may have installed it already, or be installing it at this moment.
 */
async function installUnaccent(db: Kysely<any>): Promise<string | null> {
  const installedIn = async () =>
    (
      await sql<{ schema: string }>`select n.nspname as schema from pg_extension e
        join pg_namespace n on n.oid = e.extnamespace where e.extname = 'unaccent'`.execute(db)
    ).rows[0]?.schema ?? null;
  const existing = await installedIn();
  if (existing) return existing;
  const offered = await sql`select 1 from pg_available_extensions where name = 'unaccent'`.execute(db);
  if (offered.rows.length === 0) return null;
  // Migrations run in a transaction: a failed install must not abort it.
  await sql`savepoint install_unaccent`.execute(db);
  try {
    await sql`create extension if not exists unaccent`.execute(db);
    await sql`release savepoint install_unaccent`.execute(db);
  } catch {
    await sql`rollback to savepoint install_unaccent`.execute(db);
  }
  return installedIn();
}
