import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect, type LogConfig } from 'kysely';
import { migrateToLatest } from './migrations';
import type { Database } from './schema';

/**
 * Opens the content store. The embedded default is one SQLite file; its path comes from
 * DATABASE_PATH (default `.data/newsroom.sqlite`, relative to the working directory).
 * Opening migrates to the latest schema, so a fresh path is a working, empty store.
 */

export type StoreConfig = {
  kind: 'sqlite';
  path: string;
  /** STORE_QUERY_LOG: a file that receives one JSON line per query run (SQL and parameters). */
  queryLog?: string;
};

export type Store = {
  db: Kysely<Database>;
  config: StoreConfig;
  close(): Promise<void>;
};

export const defaultDatabasePath = '.data/newsroom.sqlite';

export function storeConfigFromEnv(env: NodeJS.ProcessEnv = process.env): StoreConfig {
  return {
    kind: 'sqlite',
    path: path.resolve(/*turbopackIgnore: true*/ env.DATABASE_PATH || defaultDatabasePath),
    queryLog: env.STORE_QUERY_LOG || undefined,
  };
}

export async function openStore(config: StoreConfig): Promise<Store> {
  if (config.path !== ':memory:') fs.mkdirSync(path.dirname(config.path), { recursive: true });
  const sqlite = new SqliteDatabase(config.path);
  // WAL lets readers (every request) carry on while the importer writes.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }), log: queryLogger(config.queryLog) });
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return { db, config, close: () => db.destroy() };
}

/**
 * Kysely prepares every statement it runs; preparing costs more than running most of ours.
 * Keep the prepared statements by SQL text (a few hundred distinct ones exist). Safe because
 * better-sqlite3 runs each statement to completion synchronously: two queries never share one
 * statement at the same time.
 */
function withStatementCache(sqlite: SqliteDatabase.Database, max = 500) {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (!statement) {
        statement = sqlite.prepare(sql);
        if (statements.size >= max) statements.delete(statements.keys().next().value!);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}

function queryLogger(file: string | undefined): LogConfig | undefined {
  if (!file) return undefined;
  return (event) => {
    if (event.level !== 'query') return;
    const line = JSON.stringify({ sql: event.query.sql, parameters: event.query.parameters, ms: event.queryDurationMillis });
    fs.appendFileSync(file, `${line}\n`);
  };
}

// One store per server process, shared by every bundle that imports this module (Next builds
// the proxy and the pages separately, so a module-level variable would not be enough).
const globalStore = globalThis as typeof globalThis & { __newsroomStore?: Promise<Store> };

export function getStore(): Promise<Store> {
  if (!globalStore.__newsroomStore) {
    globalStore.__newsroomStore = openStore(storeConfigFromEnv()).catch((error: unknown) => {
      globalStore.__newsroomStore = undefined;
      throw error;
    });
  }
  return globalStore.__newsroomStore;
}
