import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, sql, SqliteDialect, type LogConfig } from 'kysely';
import pg from 'pg';
import { logger } from '../log';
import { markDialect } from './dialect';
import { shared, unregister } from '../runtime/process-state.mjs';
import { changeCounter, listenForChanges, reportingCommits } from './change-feed';
import { migrateToLatest } from './migrations';
import { ensureSearchIndex } from './search/reindex';
import { isStoreUnavailable } from './store-errors';
import type { Database } from './schema';

/**
 * Opens the content store. The embedded default is one SQLite file; its path comes from
 * DATABASE_PATH (default `.data/newsroom.sqlite`, relative to the working directory).
 * DATABASE_URL=postgres://… selects PostgreSQL instead, shared by every instance.
 * Opening migrates to the latest schema, so a fresh store is a working, empty store.
 */

export type StoreConfig =
  | {
      kind: 'sqlite';
      path: string;
      /** STORE_QUERY_LOG: a file that receives one JSON line per query run (SQL and parameters). */
      queryLog?: string;
    }
  | {
      kind: 'postgres';
      url: string;
      /** DATABASE_POOL_MAX: connections per instance (default 10). */
      poolMax?: number;
      /** DATABASE_STATEMENT_TIMEOUT_MS: a query running longer is cancelled (default 5000). */
      statementTimeoutMs?: number;
      /** A schema to work in instead of `public` (tests give each store its own). */
      schema?: string;
      queryLog?: string;
    };

export class StoreConfigError extends Error {
  override name = 'StoreConfigError';
}

/** A connection to the store, or a transaction of it: what every store function takes. */
export type { Db } from './schema';

export type Store = {
  db: Kysely<Database>;
  config: StoreConfig;
  /**
   * A number that changes whenever anything is committed to the store, by any process: a check
   * that costs microseconds, so that what depends only on the store's contents (the page
   * cache's invalidations, the proxy's decisions) is read again only after a write. SQLite's
   * `data_version`, read on a second connection (so that this process's own commits count too);
   * on PostgreSQL, the change feed (LISTEN/NOTIFY, lib/store/change-feed.ts), which answers a
   * new number on every call while it cannot vouch for it. Absent for an in-memory SQLite store.
   */
  version?: () => number;
  close(): Promise<void>;
};

const defaultDatabasePath = '.data/newsroom.sqlite';

export function storeConfigFromEnv(env: NodeJS.ProcessEnv = process.env): StoreConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new StoreConfigError('DATABASE_URL must be a postgres:// or postgresql:// URL (leave it unset for the embedded SQLite store)');
    }
    return {
      kind: 'postgres',
      url,
      poolMax: positiveInteger(env.DATABASE_POOL_MAX, 'DATABASE_POOL_MAX') ?? 10,
      statementTimeoutMs: positiveInteger(env.DATABASE_STATEMENT_TIMEOUT_MS, 'DATABASE_STATEMENT_TIMEOUT_MS') ?? 5000,
      queryLog: env.STORE_QUERY_LOG || undefined,
    };
  }
  return {
    kind: 'sqlite',
    path: path.resolve(/*turbopackIgnore: true*/ env.DATABASE_PATH || defaultDatabasePath),
    queryLog: env.STORE_QUERY_LOG || undefined,
  };
}

function positiveInteger(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new StoreConfigError(`${name} must be a positive integer, not "${value}"`);
  return n;
}

/**
 * For command-line tools: the configured store, or a one-line reason it cannot be opened (a
 * wrong setting, an unreachable server) and exit status 1 — not a stack trace.
 */
export async function openStoreForTool(tool: string, env: NodeJS.ProcessEnv = process.env): Promise<Store> {
  try {
    return await openStore(storeConfigFromEnv(env));
  } catch (error) {
    if (!(error instanceof StoreConfigError) && !isStoreUnavailable(error)) throw error;
    const reason = error instanceof StoreConfigError ? error.message : `cannot reach the content store: ${(error as Error).message}`;
    console.error(`${tool}: ${reason}`);
    process.exit(1);
  }
}

export async function openStore(config: StoreConfig): Promise<Store> {
  return config.kind === 'postgres' ? openPostgresStore(config) : openSqliteStore(config);
}

// bigint columns (epoch milliseconds, counts) come back as JavaScript numbers, as from SQLite:
// every one of ours is far below 2^53.
const int8 = 20;
const pgTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === int8 && format !== 'binary' ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

async function openPostgresStore(config: Extract<StoreConfig, { kind: 'postgres' }>): Promise<Store> {
  const timeout = config.statementTimeoutMs ?? 5000;
  const pool = new pg.Pool({
    connectionString: config.url,
    max: config.poolMax ?? 10,
    // Waiting for a connection, or for a query, never hangs a request for long.
    connectionTimeoutMillis: 3000,
    idleTimeoutMillis: 30_000,
    statement_timeout: timeout,
    query_timeout: timeout + 1000,
    application_name: 'newsroom',
    options: config.schema ? `-c search_path=${config.schema}` : undefined,
    types: pgTypes,
  });
  // A connection the server drops while idle must not bring the process down; the pool replaces it.
  pool.on('error', (error) => logger.warn({ component: 'store', err: error.message }, 'an idle PostgreSQL connection failed; the pool replaces it'));
  const counter = changeCounter();
  const dialect = reportingCommits(markDialect(new PostgresDialect({ pool }), 'postgres'), counter.moved);
  const db = new Kysely<Database>({ dialect, log: queryLogger(config.queryLog) });
  try {
    await migrateToLatest(db, config.schema);
    await ensureSearchIndex(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  const feed = await listenForChanges(
    { connectionString: config.url, options: config.schema ? `-c search_path=${config.schema}` : undefined },
    config.schema ?? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]!.schema,
    counter,
  );
  return {
    db,
    config,
    version: counter.version,
    close: async () => {
      await feed.stop();
      await db.destroy();
    },
  };
}

async function openSqliteStore(config: Extract<StoreConfig, { kind: 'sqlite' }>): Promise<Store> {
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
    await ensureSearchIndex(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  // A file store's second, read-only connection (an in-memory store has one process and no file to share).
  const probe = config.path === ':memory:' ? null : new SqliteDatabase(config.path, { readonly: true, fileMustExist: true });
  const dataVersion = probe?.prepare('pragma data_version').pluck();
  return {
    db,
    config,
    ...(dataVersion ? { version: () => dataVersion.get() as number } : {}),
    close: async () => {
      probe?.close();
      await db.destroy();
    },
  };
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
export function getStore(): Promise<Store> {
  return shared('store', () =>
    openStore(storeConfigFromEnv()).catch((error: unknown) => {
      unregister('store');
      throw error;
    }),
  ) as Promise<Store>;
}

/** Whether the store answers a query: what /api/ready checks. */
export async function pingStore(): Promise<void> {
  await sql`select 1`.execute((await getStore()).db);
}
