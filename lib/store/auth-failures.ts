import { sql, type Kysely } from 'kysely';
import type { Database } from './schema';

/**
 * Failed publishing logins by client address (migration 010), counted in a fixed window: the
 * first failure opens it, and it closes `windowMs` later. Counting is one atomic upsert, so
 * hundreds of wrong tokens sent at once are each counted.
 */

/** The failures an address has in its open window (0 when none is open), and when that window closes. */
export async function readAuthFailures(
  db: Kysely<Database>,
  client: string,
  now: number,
  windowMs: number,
): Promise<{ failures: number; windowEndsTs: number }> {
  const row = await db.selectFrom('publish_auth_failures').select(['failures', 'window_start_ts']).where('client', '=', client).executeTakeFirst();
  if (!row || row.window_start_ts + windowMs <= now) return { failures: 0, windowEndsTs: now };
  return { failures: row.failures, windowEndsTs: row.window_start_ts + windowMs };
}

/** Counts one more failure; a window that has closed starts again from this one. Returns the count and when the window closes. */
export async function recordAuthFailure(
  db: Kysely<Database>,
  client: string,
  now: number,
  windowMs: number,
): Promise<{ failures: number; windowEndsTs: number }> {
  const expired = now - windowMs;
  const row = await db
    .insertInto('publish_auth_failures')
    .values({ client, failures: 1, window_start_ts: now })
    .onConflict((oc) =>
      oc.column('client').doUpdateSet({
        failures: sql<number>`case when publish_auth_failures.window_start_ts <= ${expired} then 1 else publish_auth_failures.failures + 1 end`,
        window_start_ts: sql<number>`case when publish_auth_failures.window_start_ts <= ${expired} then ${now} else publish_auth_failures.window_start_ts end`,
      }),
    )
    .returning(['failures', 'window_start_ts'])
    .executeTakeFirstOrThrow();
  // Windows long closed are of no use to anyone: drop a few with each failure.
  await db
    .deleteFrom('publish_auth_failures')
    .where('window_start_ts', '<', now - 10 * windowMs)
    .execute();
  return { failures: row.failures, windowEndsTs: row.window_start_ts + windowMs };
}

/** A successful login clears the address's count. */
export async function clearAuthFailures(db: Kysely<Database>, client: string): Promise<void> {
  await db.deleteFrom('publish_auth_failures').where('client', '=', client).execute();
}
