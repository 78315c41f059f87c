import pg from 'pg';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { article, openTestStore, testSections } from '../testing/fixtures';
import { openStore, type Store } from './database';
import { writeContent } from './write-content';

/**
 * The store's change counter (Store.version) on every store: it stays put while nothing is
 * committed, and moves as soon as anything is, by this process or another. On PostgreSQL it is
 * the change feed (LISTEN/NOTIFY, lib/store/change-feed.ts), which must also stop vouching for
 * itself the moment its connection is lost, and vouch again once it is back.
 */

const opened: Store[] = [];
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
});

/** A second instance on the same store: the same file, or the same PostgreSQL schema. */
async function twoInstances(): Promise<[Store, Store]> {
  const first = await openTestStore();
  opened.push(first);
  const second = await openStore(first.config);
  opened.push(second);
  await writeContent(first.db, { sections: testSections, articles: [] });
  return [first, second];
}

/** Waits until `check` holds, up to `withinMs`; answers how long it took. */
async function within(withinMs: number, check: () => boolean): Promise<number> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > withinMs) throw new Error(`not within ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return Date.now() - start;
}

/**
 * Until the counter has held still for a while: a process's own write moves it as it commits,
 * and once more when its own notification comes back (on PostgreSQL), a few milliseconds later.
 */
async function settled(store: Store): Promise<void> {
  let last = store.version!();
  let since = Date.now();
  await within(5000, () => {
    const now = store.version!();
    if (now !== last || now < 0) [last, since] = [now, Date.now()];
    return Date.now() - since >= 150;
  });
}

describe('the store’s change counter', () => {
  it('stays put while nothing is committed', async () => {
    const [store] = await twoInstances();
    await settled(store);
    const before = store.version!();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(store.version!()).toBe(before);
  });

  it('moves as this process’s own write commits, before the write returns', async () => {
    const [store] = await twoInstances();
    await settled(store);
    const before = store.version!();
    await writeContent(store.db, { sections: [], articles: [article({ id: 'own-write' })] });
    expect(store.version!()).not.toBe(before);
  });

  it('moves on another instance within a second of a write', async () => {
    const [writer, reader] = await twoInstances();
    await settled(reader);
    const before = reader.version!();
    await writeContent(writer.db, { sections: [], articles: [article({ id: 'other-write' })] });
    const took = await within(1000, () => reader.version!() !== before);
    expect(took).toBeLessThan(1000);
  });
});

describe.runIf(process.env.TEST_STORE === 'postgres')('PostgreSQL’s change feed', () => {
  it('vouches for nothing while its connection is lost, and again once it is back and has caught up', async () => {
    const [store] = await twoInstances();
    await within(2000, () => store.version!() >= 0);
    const admin = new pg.Client({ connectionString: inject('postgresUrl') });
    await admin.connect();
    try {
      // The feed's own connection, cut as a restart or a network failure would.
      const schema = (store.config as { schema?: string }).schema;
      const cut = await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1`, [
        `newsroom-changes ${schema}`.slice(0, 63),
      ]);
      expect(cut.rowCount).toBeGreaterThan(0);
      await within(3000, () => store.version!() !== store.version!());
      // Back on its own, listening again: the counter holds still once more, at a new value.
      await within(5000, () => {
        const a = store.version!();
        return a >= 0 && a === store.version!();
      });
    } finally {
      await admin.end();
    }
  });
});
