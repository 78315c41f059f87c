import type { Db } from './rows';
import { latestCacheTagSeq } from './cache-events';

/**
 * Where each edge cache stands (decision 024): the cache-tag events it has been sent, and a
 * lease that lets one process at a time — whichever instance or worker asks first — send it the
 * next purge. A lease is a row update that succeeds only when the last lease has run out, the
 * same statement on SQLite and PostgreSQL; nothing is held open while the purge is on the wire.
 */

export type EdgeClaim = { seq: number; purgedTs: number; failures: number };

/**
 * Takes the edge's lease for `leaseMs` when nobody holds it, and answers how far the edge has
 * been purged; null when another process holds it. An edge seen for the first time starts at
 * the newest event: it was started empty, or with the pages of the instances that told it so far.
 */
export async function claimEdgePurge(db: Db, edge: string, owner: string, now: number, leaseMs: number): Promise<EdgeClaim | null> {
  const existing = await db.selectFrom('edge_purges').select('seq').where('edge', '=', edge).executeTakeFirst();
  if (!existing) {
    const seq = await latestCacheTagSeq(db);
    await db
      .insertInto('edge_purges')
      .values({ edge, seq, lease_owner: null, lease_until_ts: 0, purged_ts: now })
      .onConflict((oc) => oc.column('edge').doNothing())
      .execute();
  }
  const claimed = await db
    .updateTable('edge_purges')
    .set({ lease_owner: owner, lease_until_ts: now + leaseMs })
    .where('edge', '=', edge)
    .where((eb) => eb.or([eb('lease_until_ts', '<', now), eb('lease_owner', '=', owner)]))
    .returning(['seq', 'purged_ts', 'failures'])
    .executeTakeFirst();
  return claimed ? { seq: Number(claimed.seq), purgedTs: Number(claimed.purged_ts), failures: Number(claimed.failures) } : null;
}

/** The events after `afterSeq`, oldest first, at most `limit` of them: what the edge must still forget. */
export async function eventsToPurge(db: Db, afterSeq: number, limit: number): Promise<{ seq: number; tag: string; createdTs: number }[]> {
  const rows = await db.selectFrom('cache_tag_events').select(['seq', 'tag', 'created_ts']).where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute();
  return rows.map((row) => ({ seq: Number(row.seq), tag: row.tag, createdTs: Number(row.created_ts) }));
}

/** The oldest event still kept: an edge purged only up to before it has missed events that were pruned. */
export async function oldestKeptEventSeq(db: Db): Promise<number | null> {
  const row = await db
    .selectFrom('cache_tag_events')
    .select((eb) => eb.fn.min('seq').as('seq'))
    .executeTakeFirst();
  return row?.seq === null || row?.seq === undefined ? null : Number(row.seq);
}

/** The edge has been sent everything up to `seq`: moves its mark and lets the lease go, if still ours. */
export async function completeEdgePurge(db: Db, edge: string, owner: string, seq: number, now: number): Promise<boolean> {
  const result = await db
    .updateTable('edge_purges')
    .set({ seq, purged_ts: now, lease_owner: null, lease_until_ts: 0, failures: 0 })
    .where('edge', '=', edge)
    .where('lease_owner', '=', owner)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Lets the lease go, so that whoever is next (this process included) looks again; `failed`: the
 * purge did not land, counted until one does.
 */
export async function releaseEdgePurge(db: Db, edge: string, owner: string, failed = false): Promise<void> {
  await db
    .updateTable('edge_purges')
    .set((eb) => ({ lease_owner: null, lease_until_ts: 0, ...(failed ? { failures: eb('failures', '+', 1) } : {}) }))
    .where('edge', '=', edge)
    .where('lease_owner', '=', owner)
    .execute();
}

/** Every edge's mark: how far behind the newest event each is (metrics, readiness). */
export async function edgePurgeMarks(db: Db): Promise<{ edge: string; seq: number; purgedTs: number }[]> {
  const rows = await db.selectFrom('edge_purges').select(['edge', 'seq', 'purged_ts']).orderBy('edge').execute();
  return rows.map((row) => ({ edge: row.edge, seq: Number(row.seq), purgedTs: Number(row.purged_ts) }));
}
