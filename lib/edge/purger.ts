import os from 'node:os';
import { randomBytes } from 'node:crypto';
import { logger } from '../log';
import { getStore } from '../store/database';
import { claimEdgePurge, completeEdgePurge, eventsToPurge, oldestKeptEventSeq, releaseEdgePurge } from '../store/edge-purges';
import { edgePurgeSettings } from '../http/edge-settings.mjs';
import { register, registered } from '../runtime/process-state.mjs';
import type { PurgeOutcome } from '../runtime/contract';

/**
 * Purges the edge caches (decision 024). Every server process runs one, when EDGE_PURGE_URLS is
 * set; for each edge, whichever process takes the edge's lease in the store (lib/store/edge-purges.ts)
 * sends the cache-tag events committed since the edge's mark, as one soft purge of their tags,
 * and moves the mark — so each commit is purged once per edge, however many instances and
 * workers run. A purge that fails leaves the mark where it was: it is sent again (this process
 * retries with a growing delay, and every process looks every few seconds), until it lands.
 *
 * It wakes when the store's change counter moves (a commit by any process: lib/store/change-feed.ts
 * on PostgreSQL, `data_version` on SQLite), looked at every 20 ms — a number in memory or one
 * pragma, not a query.
 */

const watchMs = 20;
/** Every process looks at every edge this often even when nothing moved: another's failed purge, an edge back up. */
const sweepMs = 5000;
/** Longer than a purge can take (its timeout, the store's round trips): a process that died with the lease frees it by then. */
const leaseMs = 10_000;
const purgeTimeoutMs = 2000;
const eventsPerPurge = 2000;
/** Tags per PURGE request: Varnish's request headers are 8 KB by default (http_req_hdr_len). */
const headerBudget = 6000;
const retryMs = (failures: number) => Math.min(10_000, 250 * 2 ** Math.min(failures, 6));
/** Events are pruned after a week (lib/store/cache-events.ts): an edge not purged for longer may have missed some. */
const prunedAfterMs = 7 * 24 * 60 * 60 * 1000;

/** Splits tags into groups whose space-separated lengths fit one header. */
export function tagBatches(tags: string[], budget = headerBudget): string[][] {
  const batches: string[][] = [];
  let current: string[] = [];
  let length = 0;
  for (const tag of tags) {
    if (current.length > 0 && length + 1 + tag.length > budget) {
      batches.push(current);
      current = [];
      length = 0;
    }
    current.push(tag);
    length += (current.length > 1 ? 1 : 0) + tag.length;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** One PURGE to one edge: soft, by tags (or everything); true when the edge says it was done. */
async function sendPurge(edge: string, secret: string, seq: number, tags: string[] | 'all'): Promise<boolean> {
  const batches = tags === 'all' ? [null] : tagBatches(tags);
  for (const batch of batches) {
    const headers: Record<string, string> = { 'X-Purge-Secret': secret, 'X-Purge-Seq': String(seq) };
    if (batch) headers['xkey-softpurge'] = batch.join(' ');
    else headers['X-Purge-All'] = '1';
    const response = await fetch(`${edge}/`, { method: 'PURGE', headers, signal: AbortSignal.timeout(purgeTimeoutMs) });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`the edge answered ${response.status}`);
  }
  return true;
}

export function startEdgePurger(): void {
  if (registered('edgePurges')) return;
  let settings;
  try {
    settings = edgePurgeSettings();
  } catch (error) {
    logger.error({ err: (error as Error).message }, 'edge purges are off');
    return;
  }
  if (!settings) return;
  const { edges, secret } = settings;
  const owner = `${os.hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  register('edgePurges', { edges });
  const log = logger.child({ component: 'edge-purge' });
  const state = new Map(edges.map((edge) => [edge, { busy: false, again: false, failures: 0, retryAt: 0, down: false }]));
  const version = registered('cacheEvents')?.version;
  let lastVersion: number | undefined;
  let lastSweep = 0;

  const purgeEdge = async (edge: string) => {
    const edgeState = state.get(edge)!;
    // A commit while a purge is on its way: looked at again as soon as that purge is done.
    if (edgeState.busy) {
      edgeState.again = true;
      return;
    }
    edgeState.busy = true;
    edgeState.again = false;
    try {
      const { db } = await getStore();
      for (;;) {
        const now = Date.now();
        const claim = await claimEdgePurge(db, edge, owner, now, leaseMs);
        if (!claim) return; // another process is purging this edge now
        const events = await eventsToPurge(db, claim.seq, eventsPerPurge);
        if (events.length === 0) {
          await releaseEdgePurge(db, edge, owner);
          return;
        }
        const upTo = events.at(-1)!.seq;
        const oldest = await oldestKeptEventSeq(db);
        // Down for longer than events are kept: what it missed is unknown, so it forgets everything.
        const missedSome = oldest !== null && oldest > claim.seq + 1 && now - claim.purgedTs >= prunedAfterMs;
        const tags = [...new Set(events.map((event) => event.tag))].sort();
        const started = Date.now();
        try {
          await sendPurge(edge, secret, upTo, missedSome ? 'all' : tags);
        } catch (error) {
          await releaseEdgePurge(db, edge, owner, true).catch(() => {});
          edgeState.failures += 1;
          edgeState.retryAt = Date.now() + retryMs(edgeState.failures);
          const outcome: PurgeOutcome = { edge, ok: false, tags: tags.length, seq: upTo, ms: Date.now() - started, fromCommitMs: null };
          registered('metrics')?.purge(outcome);
          if (!edgeState.down || edgeState.failures % 20 === 0)
            log.warn(
              { edge, err: (error as Error).message, pendingFromSeq: claim.seq + 1, failures: edgeState.failures },
              'purge failed: sent again until the edge takes it',
            );
          edgeState.down = true;
          return;
        }
        const done = Date.now();
        await completeEdgePurge(db, edge, owner, upTo, done);
        const fromCommitMs = done - Math.min(...events.map((event) => event.createdTs));
        const outcome: PurgeOutcome = { edge, ok: true, tags: tags.length, seq: upTo, ms: done - started, fromCommitMs, ...(missedSome ? { all: true } : {}) };
        registered('metrics')?.purge(outcome);
        // After failures (of this process or another's): the edge is brought up to date.
        if (claim.failures > 0)
          log.info({ edge, seq: upTo, tags: tags.length, fromCommitMs, failures: claim.failures }, 'edge reachable again: purged what it missed');
        else log.debug({ edge, seq: upTo, tags: tags.length, fromCommitMs }, 'purged');
        edgeState.down = false;
        edgeState.failures = 0;
        edgeState.retryAt = 0;
      }
    } catch (error) {
      // The store itself failed: the mark has not moved; look again soon.
      edgeState.failures += 1;
      edgeState.retryAt = Date.now() + retryMs(edgeState.failures);
      registered('metrics')?.storeError('store');
      log.warn({ edge, err: (error as Error).message }, 'purge: the store could not be read; trying again');
    } finally {
      edgeState.busy = false;
      if (edgeState.again && edgeState.retryAt === 0) void purgeEdge(edge);
    }
  };

  const watch = () => {
    const now = Date.now();
    const current = version?.();
    const moved = current === undefined || current !== lastVersion;
    const sweep = now - lastSweep >= sweepMs;
    if (moved || sweep) {
      lastVersion = current;
      if (sweep) lastSweep = now;
    }
    for (const [edge, edgeState] of state) {
      const due = edgeState.retryAt > 0 && now >= edgeState.retryAt;
      if ((moved && edgeState.retryAt === 0) || sweep || due) void purgeEdge(edge);
    }
  };
  setInterval(watch, watchMs).unref();
  log.info({ edges }, 'purging the edges when content changes');
}
