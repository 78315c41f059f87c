import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { article, storePerTest } from '../testing/fixtures';
import { writeContent } from '../store/write-content';
import { listStoryViewHours } from '../store/story-views';
import { register, registered, unregister } from '../runtime/process-state.mjs';
import { startViewCounter } from './view-counter';

/** The process's view counter (issue 32): readers hashed, repeats dropped, views written in batches. */

const store = storePerTest();
const browser = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

beforeEach(async () => {
  await writeContent(store.db, { sections: [], articles: [article({ id: 'first', slug: 'first' }), article({ id: 'second', slug: 'second' })] });
  register('store', Promise.resolve(store));
  startViewCounter();
});

afterEach(() => {
  unregister('views');
  unregister('store');
});

describe('the view counter', () => {
  it('counts a reader once per story, writes what it collected in one batch, and goes on after a flush with nothing to write', async () => {
    const views = registered('views')!;
    views.record('first', '198.51.100.1', browser);
    views.record('first', '198.51.100.1', browser);
    views.record('second', '198.51.100.1', browser);
    await vi.waitFor(() => expect(views.stats().collected).toBe(2));
    await views.flush();
    expect(views.stats()).toEqual({ received: 3, collected: 2, counted: 2, batches: 1 });
    // Nothing waiting: a flush that has nothing to do must not stop the next ones.
    await views.flush();
    views.record('first', '198.51.100.2', browser);
    await vi.waitFor(() => expect(views.stats().collected).toBe(3));
    await views.flush();
    expect(views.stats()).toEqual({ received: 4, collected: 3, counted: 3, batches: 2 });
    expect((await listStoryViewHours(store.db, 'first', 0))?.reduce((sum, hour) => sum + hour.views, 0)).toBe(2);
  });

  it('keeps salted hashes, never the address or the user agent', async () => {
    const views = registered('views')!;
    views.record('first', '198.51.100.7', browser);
    await vi.waitFor(() => expect(views.stats().collected).toBe(1));
    await views.flush();
    const stored = JSON.stringify(await store.db.selectFrom('story_view_readers').selectAll().execute());
    expect(stored).toContain('first');
    expect(stored).not.toContain('198.51.100');
    expect(stored).not.toContain('Chrome');
  });
});
