import { describe, expect, it } from 'vitest';
import { storePerTest } from '../testing/fixtures';
import { recordCacheInvalidations } from './cache-events';
import { claimEdgePurge, completeEdgePurge, edgePurgeMarks, eventsToPurge, releaseEdgePurge } from './edge-purges';

const store = storePerTest({ withSections: false });
const edge = 'http://127.0.0.1:8090';

/** Commits one write's invalidations, as every write does. */
const commit = (tags: string[]) => store.db.transaction().execute((trx) => recordCacheInvalidations(trx, tags));

describe('edge purges', () => {
  it('start a new edge at the newest event, and hand each commit to one process at a time until it lands', async () => {
    await commit(['story:before']);
    const first = await claimEdgePurge(store.db, edge, 'one', 1000, 10_000);
    expect(first).not.toBeNull();
    // Nothing before the edge was first seen: its cache started after.
    expect(await eventsToPurge(store.db, first!.seq, 100)).toEqual([]);
    await releaseEdgePurge(store.db, edge, 'one');

    await commit(['story:a', 'latest:en']);
    await commit(['story:b']);
    const claimed = await claimEdgePurge(store.db, edge, 'one', 2000, 10_000);
    // Another process (another worker or instance) finds the lease taken while it lasts…
    expect(await claimEdgePurge(store.db, edge, 'two', 2500, 10_000)).toBeNull();
    const events = await eventsToPurge(store.db, claimed!.seq, 100);
    expect(events.map((event) => event.tag)).toEqual(['story:a', 'latest:en', 'story:b']);
    // …and the purge failed: the mark stays, the failure is counted, and the next taker gets the same events.
    await releaseEdgePurge(store.db, edge, 'one', true);
    const again = await claimEdgePurge(store.db, edge, 'two', 3000, 10_000);
    expect(again).toMatchObject({ seq: claimed!.seq, failures: 1 });
    expect(await completeEdgePurge(store.db, edge, 'two', events.at(-1)!.seq, 3100)).toBe(true);
    // Landed: nothing left, no failure counted.
    const after = await claimEdgePurge(store.db, edge, 'one', 4000, 10_000);
    expect(after).toMatchObject({ seq: events.at(-1)!.seq, failures: 0 });
    expect(await eventsToPurge(store.db, after!.seq, 100)).toEqual([]);
    expect(await edgePurgeMarks(store.db)).toEqual([{ edge, seq: events.at(-1)!.seq, purgedTs: 3100 }]);
  });

  it('free a lease whose holder died once it has run out, and never let a former holder move the mark', async () => {
    await claimEdgePurge(store.db, edge, 'dead', 1000, 10_000);
    expect(await claimEdgePurge(store.db, edge, 'alive', 5000, 10_000)).toBeNull();
    expect(await claimEdgePurge(store.db, edge, 'alive', 11_001, 10_000)).not.toBeNull();
    expect(await completeEdgePurge(store.db, edge, 'dead', 999, 11_002)).toBe(false);
  });

  it('keep each edge apart', async () => {
    await claimEdgePurge(store.db, edge, 'one', 1000, 10_000);
    expect(await claimEdgePurge(store.db, 'http://127.0.0.1:8091', 'two', 1000, 10_000)).not.toBeNull();
  });
});
