import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import type { StoreConfig } from './database';

/**
 * A store's backup and its restore (`npm run store:backup -- FILE`, `npm run store:restore -- FILE`;
 * docs/deployment.md, "Backups"). Everything the site serves is in the store — stories, lists,
 * settings (the cursor secret), the invalidation log, and the uploaded pictures' bytes (`media`) —
 * so one file holds the archive:
 *
 * - SQLite: SQLite's online backup (better-sqlite3's `backup`), page by page from a running store,
 *   consistent as of its end; the file is a SQLite database.
 * - PostgreSQL: `pg_dump` in its custom format (one transaction's snapshot, however busy the
 *   store); restored by `pg_restore` in a single transaction, so that a failed restore leaves the
 *   database as empty as it was.
 *
 * A restore goes into an empty store only (a new SQLite file, an empty database), and checks what
 * it is given first: never a half-written store.
 */

export class ArchiveError extends Error {}

const sqliteMagic = Buffer.from('SQLite format 3\0');
const pgDumpMagic = Buffer.from('PGDMP');

export type ArchiveSummary = { kind: 'sqlite' | 'postgres'; file: string; bytes: number; stories: number; pictures: number; mediaFiles: number };

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'], env });
    let errors = '';
    child.stderr.on('data', (chunk) => (errors += String(chunk)));
    child.on('error', (error) =>
      reject(new ArchiveError(`${command} could not be run (${error.message}): install PostgreSQL's client tools (Debian: postgresql-client)`)),
    );
    child.on('close', (code) => (code === 0 ? resolve() : reject(new ArchiveError(`${command} failed: ${errors.trim() || `exit code ${code}`}`))));
  });
}

/**
 * The client tools' connection settings, from DATABASE_URL, in their environment rather than on
 * the command line (where `ps` would show a password).
 */
function pgEnvironment(url: string): NodeJS.ProcessEnv {
  const parsed = new URL(url);
  const env: NodeJS.ProcessEnv = { ...process.env, PGDATABASE: decodeURIComponent(parsed.pathname.slice(1)) || 'postgres' };
  if (parsed.hostname) env.PGHOST = decodeURIComponent(parsed.hostname.replace(/^\[|\]$/g, ''));
  if (parsed.port) env.PGPORT = parsed.port;
  if (parsed.username) env.PGUSER = decodeURIComponent(parsed.username);
  if (parsed.password) env.PGPASSWORD = decodeURIComponent(parsed.password);
  const sslmode = parsed.searchParams.get('sslmode');
  if (sslmode) env.PGSSLMODE = sslmode;
  return env;
}

async function countContent(config: StoreConfig): Promise<Counts> {
  if (config.kind === 'sqlite') {
    if (!fs.existsSync(config.path)) return { stories: 0, pictures: 0, mediaFiles: 0, tables: 0 };
    const db = new SqliteDatabase(config.path, { readonly: true, fileMustExist: true });
    try {
      return sqliteCounts(db);
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: config.url });
  await client.connect();
  try {
    const tables = Number((await client.query(`select count(*) as n from information_schema.tables where table_schema = current_schema()`)).rows[0].n);
    if (tables === 0) return { stories: 0, pictures: 0, mediaFiles: 0, tables };
    const has = async (table: string) =>
      Number(
        (await client.query(`select count(*) as n from information_schema.tables where table_schema = current_schema() and table_name = $1`, [table])).rows[0]
          .n,
      ) > 0;
    const stories = (await has('articles')) ? Number((await client.query('select count(*) as n from articles')).rows[0].n) : 0;
    const pictures = (await has('media')) ? Number((await client.query('select count(*) as n from media')).rows[0].n) : 0;
    const mediaFiles = (await has('media_streams')) ? Number((await client.query('select count(*) as n from media_streams')).rows[0].n) : 0;
    return { stories, pictures, mediaFiles, tables };
  } finally {
    await client.end();
  }
}

/** What a store holds, as a backup's summary says it: stories, pictures, video/audio/caption files (and renditions), tables. */
type Counts = { stories: number; pictures: number; mediaFiles: number; tables: number };

function sqliteCounts(db: SqliteDatabase.Database): Counts {
  const tables = db.prepare(`select name from sqlite_master where type = 'table'`).pluck().all() as string[];
  const count = (table: string) => (tables.includes(table) ? Number(db.prepare(`select count(*) from ${table}`).pluck().get()) : 0);
  return { stories: count('articles'), pictures: count('media'), mediaFiles: count('media_streams'), tables: tables.length };
}

/** Takes a consistent copy of the running store into `file` (written beside it, then renamed: never half a file). */
export async function backupStore(config: StoreConfig, file: string): Promise<ArchiveSummary> {
  const target = path.resolve(file);
  if (fs.existsSync(target)) throw new ArchiveError(`${file} exists: name a new file (a backup never overwrites one)`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const partial = `${target}.partial-${process.pid}`;
  try {
    if (config.kind === 'sqlite') {
      if (!fs.existsSync(config.path)) throw new ArchiveError(`no store at ${config.path} (DATABASE_PATH)`);
      const db = new SqliteDatabase(config.path, { fileMustExist: true });
      try {
        await db.backup(partial);
      } finally {
        db.close();
      }
    } else {
      await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', '--file', partial], pgEnvironment(config.url));
    }
    fs.renameSync(partial, target);
  } finally {
    fs.rmSync(partial, { force: true });
  }
  const counts = config.kind === 'sqlite' ? await countContent({ ...config, path: target }) : await countContent(config);
  return {
    kind: config.kind,
    file: target,
    bytes: fs.statSync(target).size,
    stories: counts.stories,
    pictures: counts.pictures,
    mediaFiles: counts.mediaFiles,
  };
}

/** What kind of backup a file is, read from its first bytes. */
function backupKind(file: string): 'sqlite' | 'postgres' | null {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(16);
    fs.readSync(fd, head, 0, 16, 0);
    if (head.subarray(0, 16).equals(sqliteMagic)) return 'sqlite';
    if (head.subarray(0, 5).equals(pgDumpMagic)) return 'postgres';
    return null;
  } finally {
    fs.closeSync(fd);
  }
}

/** Loads a backup into an empty store; refuses anything else, and leaves the store as it was when it fails. */
export async function restoreStore(config: StoreConfig, file: string): Promise<ArchiveSummary> {
  const source = path.resolve(file);
  if (!fs.existsSync(source)) throw new ArchiveError(`no backup at ${file}`);
  const kind = backupKind(source);
  if (!kind) throw new ArchiveError(`${file} is not a backup of a store (neither an SQLite database nor a pg_dump archive)`);
  if (kind !== config.kind)
    throw new ArchiveError(
      `${file} is a backup of ${kind === 'sqlite' ? 'an SQLite' : 'a PostgreSQL'} store; the store configured here is ${config.kind === 'sqlite' ? 'SQLite (DATABASE_PATH)' : 'PostgreSQL (DATABASE_URL)'}`,
    );
  const existing = await countContent(config);
  if (existing.stories > 0 || existing.pictures > 0)
    throw new ArchiveError(`the store is not empty (${existing.stories} stories, ${existing.pictures} pictures): restore into a new, empty store`);

  if (config.kind === 'sqlite') {
    const backup = new SqliteDatabase(source, { readonly: true, fileMustExist: true });
    let counts;
    try {
      const integrity = backup.pragma('integrity_check', { simple: true });
      if (integrity !== 'ok') throw new ArchiveError(`${file} is damaged: ${String(integrity)}`);
      counts = sqliteCounts(backup);
      if (!(backup.prepare(`select name from sqlite_master where name = 'kysely_migration'`).pluck().get() && counts.tables > 0))
        throw new ArchiveError(`${file} is an SQLite database, but not a newsroom store`);
      fs.mkdirSync(path.dirname(config.path), { recursive: true });
      const partial = `${config.path}.restoring-${process.pid}`;
      try {
        await backup.backup(partial);
        // An empty store in the way (no story, no picture) is replaced, with its journal.
        for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${config.path}${suffix}`, { force: true });
        fs.renameSync(partial, config.path);
      } finally {
        fs.rmSync(partial, { force: true });
      }
    } finally {
      backup.close();
    }
    return { kind, file: config.path, bytes: fs.statSync(config.path).size, stories: counts.stories, pictures: counts.pictures, mediaFiles: counts.mediaFiles };
  }

  if (existing.tables > 0) throw new ArchiveError('the database already holds tables: restore into a new, empty database (createdb)');
  const env = pgEnvironment(config.url);
  await run('pg_restore', ['--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', '--dbname', env.PGDATABASE!, source], env);
  const counts = await countContent(config);
  return { kind, file: source, bytes: fs.statSync(source).size, stories: counts.stories, pictures: counts.pictures, mediaFiles: counts.mediaFiles };
}
