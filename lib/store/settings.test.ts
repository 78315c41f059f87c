import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestStore } from '../testing/fixtures';
import type { Store } from './database';
import { getOrCreateSetting } from './settings';

let store: Store;

beforeEach(async () => {
  store = await openTestStore();
});

afterEach(async () => {
  await store.close();
});

describe('settings', () => {
  it('are shared between every caller, whoever created them first', async () => {
    const first = await getOrCreateSetting(store.db, 'cursor_secret', () => 'one');
    const second = await getOrCreateSetting(store.db, 'cursor_secret', () => 'two');
    expect([first, second]).toEqual(['one', 'one']);
  });
});
